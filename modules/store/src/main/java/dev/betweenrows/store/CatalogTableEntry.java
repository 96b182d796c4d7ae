package dev.betweenrows.store;

import dev.betweenrows.policy.TableKind;

import java.util.List;
import java.util.Objects;

/** A discovered relation, whether it is allowlisted, and its columns. */
public record CatalogTableEntry(String name, TableKind kind, boolean selected, List<CatalogColumnEntry> columns) {
    public CatalogTableEntry {
        CatalogNames.require(name, "table name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
    }
}
