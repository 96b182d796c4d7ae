package dev.betweenrows.admin.json;

import java.util.List;

/** The plan of a policy import and whether it was applied (false for a dry run). */
public record ImportResult(boolean applied, List<Change> plan) {
    /** One planned change: create / update / delete of a named object. */
    public record Change(String action, String kind, String name) {}
}
