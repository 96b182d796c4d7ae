package dev.betweenrows.admin.json;

import java.util.Map;

/** {@code GET /policies/{id}/diff?from=&to=}: only the fields that differ. */
public record PolicyDiff(String policyId, long from, long to, Map<String, FieldChange> changes) {}
