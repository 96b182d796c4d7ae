package dev.betweenrows.policy;

import java.util.List;
import java.util.Optional;

/**
 * The catalog allowlist of one data source at one version. Only relations in it exist for clients;
 * the guard must treat anything else as missing.
 *
 * @param dataSourceId the data source
 * @param version      increases on every catalog save or sync (part of the rewrite cache key)
 * @param tables       the allowlisted relations
 */
public record CatalogSnapshot(String dataSourceId, long version, List<CatalogTable> tables) {
    public CatalogSnapshot {
        Checks.nonBlank(dataSourceId, "dataSourceId");
        tables = Checks.list(tables, "tables");
    }

    /** The relation clients call {@code exposedSchema.name}. */
    public Optional<CatalogTable> find(String exposedSchema, String name) {
        return tables.stream()
                .filter(t -> t.exposedSchema().equals(exposedSchema) && t.table().table().equals(name))
                .findFirst();
    }
}
