package dev.betweenrows.policy;

/**
 * What resolution and the guard need to know about a data source.
 *
 * @param id         data source id
 * @param name       the name clients use as the database name
 * @param accessMode open or policy_required
 */
public record DataSourceRef(String id, String name, AccessMode accessMode) {
    public DataSourceRef {
        Checks.nonBlank(id, "id");
        Checks.nonBlank(name, "name");
        Checks.required(accessMode, "accessMode");
    }
}
