package dev.betweenrows.rewrite.catalog;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * An emulated catalog relation as a Calcite table. It holds no rows: a scan reads the executing session's
 * rows from its {@link SessionDataContext}, so a compiled plan shared between sessions cannot carry one
 * session's rows into another's answer.
 */
final class RelationTable extends AbstractTable implements ScannableTable {
    private final String schema;
    private final String name;
    private final List<Relation.Column> columns;

    RelationTable(String schema, String name, List<Relation.Column> columns) {
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder row = types.builder();
        for (Relation.Column c : columns) row.add(c.name(), PgTypes.relType(types, c.typeOid()));
        return row.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        if (!(root instanceof SessionDataContext session)) {
            throw new IllegalStateException(schema + "." + name + " is only readable in a session");
        }
        return Linq4j.asEnumerable(session.rows(schema, name));
    }
}
