package dev.betweenrows.rewrite.catalog;

import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What a compiled plan reads at run time: the executing session's rows and functions, this execution's
 * parameter values, a few standard variables, and the plan's own stashed objects. Everything session-specific
 * reaches a plan through here, never through the plan itself.
 */
final class SessionDataContext implements DataContext {
    private static final JavaTypeFactory TYPES = new JavaTypeFactoryImpl();

    private final CatalogTables tables;
    private final Map<String, Object> stash;
    private final Object[] parameters;
    private final SessionFacts facts;
    private final long now = System.currentTimeMillis();

    SessionDataContext(CatalogTables tables, Map<String, Object> stash, Object[] parameters, SessionFacts facts) {
        this.tables = tables;
        this.stash = stash;
        this.parameters = parameters.clone();
        this.facts = facts;
    }

    List<Object[]> rows(String schema, String name) {
        return tables.rows(schema, name);
    }

    @Override public SchemaPlus getRootSchema() { return tables.shape().root(); }

    @Override public JavaTypeFactory getTypeFactory() { return TYPES; }

    @Override public QueryProvider getQueryProvider() { return null; }

    @Override
    public Object get(String name) {
        if (name.startsWith(FunctionOperators.PREFIX)) {
            PgFunction f = FunctionLibrary.ALL.get(name.substring(FunctionOperators.PREFIX.length()));
            if (f == null) return null;
            return (Function<Object[], Object>) args -> f.body().apply(facts, args);
        }
        if (name.startsWith("?")) { // dynamic parameter ?n: a lifted literal of this execution
            int n = Integer.parseInt(name.substring(1));
            if (n < 0 || n >= parameters.length) throw new IllegalStateException("parameter " + name + " not bound");
            return parameters[n];
        }
        return switch (name) {
            case "user" -> facts.username();
            case "timeZone" -> TimeZone.getTimeZone("UTC");
            case "currentTimestamp", "localTimestamp", "utcTimestamp" -> now;
            case "cancelFlag" -> new AtomicBoolean(false);
            default -> stash.get(name);
        };
    }
}
