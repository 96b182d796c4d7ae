package dev.betweenrows.policy;

/**
 * A policy that took effect on a statement, as the query audit records it. Never sent to a client.
 *
 * @param id      policy id
 * @param name    policy name at that version
 * @param version policy version
 * @param type    policy type
 */
public record AppliedPolicy(String id, String name, long version, PolicyType type) {
    public AppliedPolicy {
        Checks.nonBlank(id, "id");
        Checks.nonBlank(name, "name");
        Checks.required(type, "type");
    }
}
