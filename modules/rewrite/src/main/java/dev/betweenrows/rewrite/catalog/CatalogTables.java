package dev.betweenrows.rewrite.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One session's emulated relations, split in two: the {@link Shape} (schemas, relation names, typed columns)
 * is all a compiled plan may depend on, and the rows are read only at execution, through the session's
 * {@link SessionDataContext}. That split is what makes a plan safe to share between users.
 */
final class CatalogTables {
    /** Distinct shapes are few (the relation set is fixed in code); the cap only bounds a surprise. */
    private static final int MAX_SHAPES = 16;
    private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();

    private final Shape shape;
    private final Map<String, List<Object[]>> rows;

    private CatalogTables(Shape shape, Map<String, List<Object[]>> rows) {
        this.shape = shape;
        this.rows = rows;
    }

    static CatalogTables of(List<Relation> relations) {
        StringBuilder signature = new StringBuilder();
        Map<String, List<Object[]>> rows = new HashMap<>();
        for (Relation r : relations) {
            signature.append(r.schema()).append('.').append(r.name()).append('(');
            for (Relation.Column c : r.columns()) signature.append(c.name()).append(':').append(c.typeOid()).append(',');
            signature.append(");");
            rows.put(key(r.schema(), r.name()), r.rows());
        }
        String key = signature.toString();
        Shape shape = SHAPES.get(key);
        if (shape == null) {
            shape = new Shape(relations);
            if (SHAPES.size() < MAX_SHAPES) shape = SHAPES.computeIfAbsent(key, k -> new Shape(relations));
        }
        return new CatalogTables(shape, Map.copyOf(rows));
    }

    Shape shape() {
        return shape;
    }

    /** The same tables (and shape) with one relation's rows replaced; the relation must be in the shape. */
    CatalogTables withRows(String schema, String name, List<Object[]> replacement) {
        String key = key(schema, name);
        if (!rows.containsKey(key)) throw new IllegalArgumentException("no relation " + key + " in this shape");
        Map<String, List<Object[]>> copy = new HashMap<>(rows);
        copy.put(key, replacement);
        return new CatalogTables(shape, Map.copyOf(copy));
    }

    /** The session's rows of one relation; a relation missing from the session fails the query (fail closed). */
    List<Object[]> rows(String schema, String name) {
        List<Object[]> r = rows.get(key(schema, name));
        if (r == null) throw new IllegalStateException("no rows for " + schema + "." + name + " in this session");
        return r;
    }

    private static String key(String schema, String name) {
        return schema + "." + name;
    }

    /**
     * The Calcite schemas plans are prepared against: tables with row types and no rows. Compared by identity
     * (shapes are interned), so a plan cache keyed by shape and SQL text never mixes different relation sets.
     */
    static final class Shape {
        private final SchemaPlus root;
        private final SchemaPlus pgCatalog;

        private Shape(List<Relation> relations) {
            // a plain (non-caching) schema: only read after construction, by many sessions at once
            root = CalciteSchema.createRootSchema(false, false).plus();
            pgCatalog = root.add("pg_catalog", new AbstractSchema());
            Map<String, SchemaPlus> schemas = new HashMap<>(Map.of("pg_catalog", pgCatalog,
                    "information_schema", root.add("information_schema", new AbstractSchema())));
            for (Relation r : relations) {
                schemas.computeIfAbsent(r.schema(), name -> root.add(name, new AbstractSchema()))
                        .add(r.name(), new RelationTable(r.schema(), r.name(), r.columns()));
            }
        }

        SchemaPlus root() {
            return root;
        }

        SchemaPlus pgCatalog() {
            return pgCatalog;
        }
    }
}
