package dev.betweenrows.rewrite.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
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
 * validate against the emulated schemas and functions, plan to Enumerable, run. Unknown relations, columns
 * and functions fail validation, so the statement is refused: nothing falls back to upstream.
 */
final class CatalogEngine {
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

    private CatalogEngine() {}

    static Result run(String sql, List<Relation> relations, SessionFacts facts) throws Unanswerable {
        SchemaPlus root = Frameworks.createRootSchema(false);
        SchemaPlus pg = root.add("pg_catalog", new AbstractSchema());
        java.util.Map<String, SchemaPlus> schemas = new HashMap<>(java.util.Map.of("pg_catalog", pg,
                "information_schema", root.add("information_schema", new AbstractSchema())));
        for (Relation r : relations) {
            schemas.computeIfAbsent(r.schema(), name -> root.add(name, new AbstractSchema()))
                    .add(r.name(), new RelationTable(r));
        }
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(PARSER)
                .typeSystem(PG_TYPES)
                .defaultSchema(pg)
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
            JavaTypeFactory types = new JavaTypeFactoryImpl();
            Enumerable<?> rows = EnumerableInterpretable.toBindable(new HashMap<>(), null,
                    (EnumerableRel) physical, EnumerableRel.Prefer.ARRAY)
                    .bind(new SessionDataContext(root, types, facts));
            List<RelDataTypeField> fields = relRoot.validatedRowType.getFieldList();
            List<String> names = new ArrayList<>();
            List<Integer> oids = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).getName();
                names.add(name.startsWith("EXPR$") && i < pgNames.size() ? pgNames.get(i) : name);
                oids.add(PgTypes.oidOfResult(fields.get(i).getType().getSqlTypeName()));
            }
            List<List<String>> out = new ArrayList<>();
            for (Object row : rows) {
                Object[] values = fields.size() == 1 && !(row instanceof Object[]) ? new Object[] {row} : (Object[]) row;
                List<String> text = new ArrayList<>(values.length);
                for (Object v : values) text.add(PgTypes.text(v));
                out.add(text);
            }
            return new Result(names, oids, out);
        } catch (Exception | LinkageError e) {
            throw new Unanswerable(String.valueOf(e.getMessage()).lines().findFirst().orElse("") , e);
        } finally {
            planner.close();
        }
    }
}
