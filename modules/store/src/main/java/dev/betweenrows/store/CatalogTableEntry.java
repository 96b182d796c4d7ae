package dev.betweenrows.store;

import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;

import java.util.List;
import java.util.Objects;

/** A discovered relation, whether it is allowlisted, its columns and its keys (as discovered upstream). */
public record CatalogTableEntry(String name, TableKind kind, boolean selected, List<CatalogColumnEntry> columns,
                                List<TableKey> keys) {
    public CatalogTableEntry {
        CatalogNames.require(name, "table name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A relation without keys. */
    public CatalogTableEntry(String name, TableKind kind, boolean selected, List<CatalogColumnEntry> columns) {
        this(name, kind, selected, columns, List.of());
    }
}
