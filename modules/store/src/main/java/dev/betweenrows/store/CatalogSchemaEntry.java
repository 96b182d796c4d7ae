package dev.betweenrows.store;

import java.util.List;

/**
 * A discovered schema, the name clients see it under ({@code alias}, or {@code null} for the upstream
 * name), whether it is allowlisted, and its relations.
 */
public record CatalogSchemaEntry(String upstreamName, String alias, boolean selected, List<CatalogTableEntry> tables) {
    public CatalogSchemaEntry {
        CatalogNames.require(upstreamName, "schema name");
        if (alias != null) CatalogNames.require(alias, "schema alias");
        tables = List.copyOf(tables);
    }

    public String exposedName() {
        return alias == null ? upstreamName : alias;
    }
}
