package dev.betweenrows.rewrite.catalog;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** An emulated catalog relation as a Calcite table over its in-memory rows. */
final class RelationTable extends AbstractTable implements ScannableTable {
    private final Relation relation;

    RelationTable(Relation relation) {
        this.relation = relation;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder row = types.builder();
        for (Relation.Column c : relation.columns()) row.add(c.name(), PgTypes.relType(types, c.typeOid()));
        return row.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(relation.rows());
    }
}
