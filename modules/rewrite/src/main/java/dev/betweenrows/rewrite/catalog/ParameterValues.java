package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * The dynamic parameters of a compiled catalog plan: their types, read from the plan, and the conversion of a
 * lifted literal to the Java value the generated code expects. A value that the type cannot hold exactly (a
 * {@code char(1)} compared with {@code 'rx'}, {@code '12a'} for an integer) is not converted: the query then
 * runs from its literal text, with the engine's own coercion rules, so lifting never changes an answer.
 */
final class ParameterValues {
    private ParameterValues() {}

    /** Types of parameters {@code ?0 … ?n-1}; empty if the plan does not use each index exactly as numbered. */
    static List<RelDataType> types(RelNode plan) {
        TreeMap<Integer, RelDataType> found = new TreeMap<>();
        collect(plan, found);
        if (!found.isEmpty() && (found.firstKey() != 0 || found.lastKey() != found.size() - 1)) return List.of();
        return List.copyOf(new ArrayList<>(found.values()));
    }

    private static void collect(RelNode rel, TreeMap<Integer, RelDataType> found) {
        rel.accept(new RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam p) {
                found.putIfAbsent(p.getIndex(), p.getType());
                return p;
            }
        });
        for (RelNode input : rel.getInputs()) collect(input, found);
    }

    /** {@code value} as {@code type}'s Java value, or null if the type is not one lifting supports or cannot hold it. */
    static Object convert(RelDataType type, String value) {
        try {
            return switch (type.getSqlTypeName()) {
                case VARCHAR -> value;
                case CHAR -> value.length() == type.getPrecision() ? value : null;
                case INTEGER -> Integer.valueOf(value.strip());
                case BIGINT -> Long.valueOf(value.strip());
                case SMALLINT -> Short.valueOf(value.strip());
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
