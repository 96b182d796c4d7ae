package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Exposes the {@link FunctionLibrary} to Calcite. The generated code calls each function through the
 * {@link DataContext} ({@code root.get("fn:name")} returns a {@code java.util.function.Function}), so it only
 * touches exported JDK and Calcite types: this module's packages stay unexported.
 */
final class FunctionOperators {
    static final String PREFIX = "fn:";
    static final SqlOperatorTable TABLE = build();
    private static final java.lang.reflect.Method APPLY = apply();

    private FunctionOperators() {}

    private static java.lang.reflect.Method apply() {
        try {
            return java.util.function.Function.class.getMethod("apply", Object.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SqlOperatorTable build() {
        List<SqlOperator> ops = new ArrayList<>();
        for (PgFunction f : FunctionLibrary.ALL.values()) ops.add(operator(f));
        return SqlOperatorTables.of(ops);
    }

    @SuppressWarnings("deprecation")
    private static SqlOperator operator(PgFunction f) {
        Impl impl = new Impl(f);
        return new SqlUserDefinedFunction(new SqlIdentifier(f.name(), SqlParserPos.ZERO),
                binding -> impl.getReturnType(binding.getTypeFactory()),
                (binding, returnType, operandTypes) -> {
                    RelDataTypeFactory types = binding.getTypeFactory();
                    for (int i = 0; i < operandTypes.length; i++) {
                        operandTypes[i] = types.createTypeWithNullability(
                                types.createSqlType(SqlTypeName.VARCHAR), true);
                    }
                },
                OperandTypes.variadic(SqlOperandCountRanges.between(f.minArgs(), f.maxArgs())), null, impl) {
            @Override
            public SqlOperandCountRange getOperandCountRange() {
                return SqlOperandCountRanges.between(f.minArgs(), f.maxArgs());
            }

            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                return true; // arguments are converted in Java; the count is checked above
            }
        };
    }

    /** The Calcite function object: return type plus an implementor that calls through the DataContext. */
    private record Impl(PgFunction f) implements ScalarFunction, ImplementableFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory types) {
            RelDataType t = f.returns() == SqlTypeName.ARRAY
                    ? types.createArrayType(types.createSqlType(f.elementType()), -1)
                    : types.createSqlType(f.returns());
            return types.createTypeWithNullability(t, true);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public CallImplementor getImplementor() {
            return RexImpTable.createImplementor((translator, call, operands) -> {
                Expression fn = Expressions.convert_(Expressions.call(translator.getRoot(), "get",
                        Expressions.constant(PREFIX + f.name())), java.util.function.Function.class);
                List<Expression> boxed = new ArrayList<>();
                for (Expression o : operands) {
                    boxed.add(o.getType() instanceof Class<?> c && c.isPrimitive() ? Expressions.box(o) : o);
                }
                Expression result = Expressions.call(fn, APPLY,
                        Expressions.convert_(Expressions.newArrayInit(Object.class, boxed), Object.class));
                return Expressions.convert_(result, javaClass(f.returns()));
            }, NullPolicy.NONE, false);
        }

        private static Class<?> javaClass(SqlTypeName t) {
            return switch (t) {
                case BOOLEAN -> Boolean.class;
                case INTEGER -> Integer.class;
                case ARRAY -> List.class;
                default -> String.class;
            };
        }
    }
}
