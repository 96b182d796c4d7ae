package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.Programs;

/**
 * Evaluates one (normalised) catalog query with Calcite over the session's in-memory relations: parse,
 * validate against the emulated schemas and functions, plan to Enumerable, generate code, run. Unknown
 * relations, columns and functions fail validation, so the statement is refused: nothing falls back to
 * upstream. Compiling costs tens of milliseconds and running a compiled plan well under one, so plans are
 * cached by (relation shape, normalised SQL text) and shared between sessions: a plan holds no rows and no
 * session facts (see {@link SessionDataContext}), and whatever the normaliser resolves per session (bound
 * parameters, regclass OIDs) is part of the text. Compared literals are lifted into dynamic parameters first
 * ({@link LiteralParameters}), so describing another table reuses the plan too.
 */
final class CatalogEngine {
    static final int DEFAULT_CAPACITY = 512;

    private static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.BABEL);

    /** CASE over string literals of different lengths is varchar (not space-padded char), as in PostgreSQL. */
    private static final RelDataTypeSystem PG_TYPES = new RelDataTypeSystemImpl() {
        @Override
        public boolean shouldConvertRaggedUnionTypesToVarying() {
            return true;
        }
    };

    /** A computed result: column names, their PostgreSQL type OIDs, and rows in text format. */
    record Result(List<String> names, List<Integer> typeOids, List<List<String>> rows) {}

    /** Why a query could not be answered (the message is for the audit; clients get a generic refusal). */
    static final class Unanswerable extends Exception {
        Unanswerable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A compiled query: the generated code, the objects it stashed at compile time, the result's column names
     * and type OIDs, and the types of its dynamic parameters (lifted literals). It depends only on the SQL text
     * and the relations' shape, never on rows, session facts or parameter values, which the code reads from the
     * {@link SessionDataContext} it is bound to. A plan without code marks a template that cannot be compiled
     * with parameters (its queries run from their literal text).
     */
    private record Plan(Bindable<?> code, Map<String, Object> stash, List<String> names, List<Integer> typeOids,
                        List<RelDataType> parameterTypes) {
        static final Plan UNUSABLE = new Plan(null, Map.of(), List.of(), List.of(), List.of());

        /** The values as the parameters' Java types, or null when one does not fit (then the literal text runs). */
        Object[] bind(List<String> values) {
            if (code == null || parameterTypes.size() != values.size()) return null;
            Object[] out = new Object[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ParameterValues.convert(parameterTypes.get(i), values.get(i));
                if (out[i] == null) return null;
            }
            return out;
        }
    }

    /** Plans are shared by every session with the same relation shape (interned, compared by identity). */
    private record PlanKey(CatalogTables.Shape shape, String sql) {}

    private static final LongAdder COMPILATIONS = new LongAdder();

    private final Map<PlanKey, Plan> plans;

    /** @param capacity how many compiled plans to keep (least recently used go first) */
    CatalogEngine(int capacity) {
        plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<PlanKey, Plan> e) { return size() > capacity; }
        };
    }

    /**
     * Runs {@code sql} over one session's relations. A query seen before with the same shape, or one that differs
     * from it only in the literals {@link LiteralParameters} lifts, only executes.
     */
    Result run(String sql, CatalogTables tables, SessionFacts facts) throws Unanswerable {
        LiteralParameters.Lifted lifted = LiteralParameters.lift(sql);
        if (!lifted.values().isEmpty()) {
            Plan template = planOrUnusable(new PlanKey(tables.shape(), lifted.template()));
            Object[] parameters = template.bind(lifted.values());
            if (parameters != null) return execute(template, parameters, tables, facts);
        }
        return execute(plan(new PlanKey(tables.shape(), sql)), new Object[0], tables, facts);
    }

    private static Result execute(Plan plan, Object[] parameters, CatalogTables tables, SessionFacts facts)
            throws Unanswerable {
        try {
            Enumerable<?> rows = plan.code().bind(new SessionDataContext(tables, plan.stash(), parameters, facts));
            int width = plan.names().size();
            List<List<String>> out = new ArrayList<>();
            for (Object row : rows) {
                Object[] values = width == 1 && !(row instanceof Object[]) ? new Object[] {row} : (Object[]) row;
                List<String> text = new ArrayList<>(values.length);
                for (Object v : values) text.add(PgTypes.text(v));
                out.add(text);
            }
            return new Result(plan.names(), plan.typeOids(), out);
        } catch (Exception | LinkageError e) {
            throw unanswerable(e);
        }
    }

    /** How many plans were compiled in this JVM (for tests and benchmarks: a cache hit compiles nothing). */
    static long compilations() {
        return COMPILATIONS.sum();
    }

    private Plan plan(PlanKey key) throws Unanswerable {
        Plan cached = cached(key);
        if (cached != null) return cached;
        return remember(key, compile(key.sql(), key.shape())); // outside the lock: compiling takes milliseconds
    }

    /** As {@link #plan}, but a template that does not compile is remembered as {@link Plan#UNUSABLE}. */
    private Plan planOrUnusable(PlanKey key) {
        Plan cached = cached(key);
        if (cached != null) return cached;
        try {
            return remember(key, compile(key.sql(), key.shape()));
        } catch (Unanswerable e) {
            return remember(key, Plan.UNUSABLE);
        }
    }

    private Plan cached(PlanKey key) {
        synchronized (plans) {
            return plans.get(key);
        }
    }

    private Plan remember(PlanKey key, Plan plan) {
        synchronized (plans) {
            Plan earlier = plans.putIfAbsent(key, plan);
            return earlier != null ? earlier : plan;
        }
    }

    /** Parse, validate against the shape's schemas and functions, plan to Enumerable, generate code. */
    private static Plan compile(String sql, CatalogTables.Shape shape) throws Unanswerable {
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(PARSER)
                .typeSystem(PG_TYPES)
                .defaultSchema(shape.pgCatalog())
                .operatorTable(SqlOperatorTables.chain(FunctionOperators.TABLE, SqlStdOperatorTable.instance(),
                        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL)))
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.BABEL)
                        .withIdentifierExpansion(true))
                .programs(Programs.standard())
                .build();
        Planner planner = Frameworks.getPlanner(config);
        try {
            SqlNode parsed = planner.parse(sql);
            List<String> pgNames = ColumnNames.of(parsed);
            SqlNode validated = planner.validate(parsed);
            RelRoot relRoot = planner.rel(validated);
            RelNode logical = relRoot.project();
            RelNode physical = planner.transform(0, logical.getTraitSet().replace(EnumerableConvention.INSTANCE),
                    logical);
            Map<String, Object> stash = new HashMap<>();
            Bindable<?> code = EnumerableInterpretable.toBindable(stash, null, (EnumerableRel) physical,
                    EnumerableRel.Prefer.ARRAY);
            List<RelDataTypeField> fields = relRoot.validatedRowType.getFieldList();
            List<String> names = new ArrayList<>();
            List<Integer> oids = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).getName();
                names.add(name.startsWith("EXPR$") && i < pgNames.size() ? pgNames.get(i) : name);
                oids.add(PgTypes.oidOfResult(fields.get(i).getType().getSqlTypeName()));
            }
            COMPILATIONS.increment();
            return new Plan(code, Collections.unmodifiableMap(stash), List.copyOf(names), List.copyOf(oids),
                    ParameterValues.types(physical));
        } catch (Exception | LinkageError e) {
            throw unanswerable(e);
        } finally {
            planner.close();
        }
    }

    private static Unanswerable unanswerable(Throwable e) {
        return new Unanswerable(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
