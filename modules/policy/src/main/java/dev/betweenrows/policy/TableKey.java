package dev.betweenrows.policy;

import java.util.List;

/**
 * A key of a catalog relation as discovered upstream: a primary key, a unique constraint, a unique index that
 * backs no constraint (plain columns only), or a foreign key. Column lists are in key order. What a user is
 * shown of it is decided by the catalog emulation (a key appears only when every column it names is visible).
 *
 * @param kind              what kind of key
 * @param name              the constraint (or index) name upstream
 * @param columns           the key's columns, in key order
 * @param referencedTable   for a foreign key, the referenced relation by upstream schema and name; else null
 * @param referencedColumns for a foreign key, the referenced columns (same length as {@code columns}); else empty
 */
public record TableKey(Kind kind, String name, List<String> columns, TableRef referencedTable,
                       List<String> referencedColumns) {

    /** Kinds of keys; the code is PostgreSQL's {@code pg_constraint.contype} ({@code i}: an index only). */
    public enum Kind {
        PRIMARY_KEY('p'), UNIQUE('u'), FOREIGN_KEY('f'), UNIQUE_INDEX('i');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }

        public static Kind ofCode(char code) {
            for (Kind k : values()) if (k.code == code) return k;
            throw new IllegalArgumentException("unknown key kind " + code);
        }
    }

    public TableKey {
        Checks.required(kind, "kind");
        Checks.nonBlank(name, "name");
        columns = Checks.list(columns, "columns");
        if (columns.isEmpty()) throw new IllegalArgumentException("a key needs at least one column");
        referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
        if (kind == Kind.FOREIGN_KEY) {
            Checks.required(referencedTable, "referencedTable");
            if (referencedColumns.size() != columns.size()) {
                throw new IllegalArgumentException("a foreign key references as many columns as it has");
            }
        } else if (referencedTable != null || !referencedColumns.isEmpty()) {
            throw new IllegalArgumentException("only a foreign key references another relation");
        }
    }

    /** A primary key, unique constraint or unique index. */
    public static TableKey unique(Kind kind, String name, List<String> columns) {
        return new TableKey(kind, name, columns, null, List.of());
    }

    /** A foreign key. */
    public static TableKey foreign(String name, List<String> columns, TableRef referencedTable,
                                   List<String> referencedColumns) {
        return new TableKey(Kind.FOREIGN_KEY, name, columns, referencedTable, referencedColumns);
    }
}
