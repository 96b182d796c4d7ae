package dev.betweenrows.rewrite.catalog;

import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/** What generated code reads at run time: the schema, the session's functions and a few standard variables. */
final class SessionDataContext implements DataContext {
    private final SchemaPlus root;
    private final JavaTypeFactory types;
    private final SessionFacts facts;
    private final long now = System.currentTimeMillis();

    SessionDataContext(SchemaPlus root, JavaTypeFactory types, SessionFacts facts) {
        this.root = root;
        this.types = types;
        this.facts = facts;
    }

    @Override public SchemaPlus getRootSchema() { return root; }

    @Override public JavaTypeFactory getTypeFactory() { return types; }

    @Override public QueryProvider getQueryProvider() { return null; }

    @Override
    public Object get(String name) {
        if (name.startsWith(FunctionOperators.PREFIX)) {
            PgFunction f = FunctionLibrary.ALL.get(name.substring(FunctionOperators.PREFIX.length()));
            if (f == null) return null;
            return (Function<Object[], Object>) args -> f.body().apply(facts, args);
        }
        return switch (name) {
            case "user" -> facts.username();
            case "timeZone" -> TimeZone.getTimeZone("UTC");
            case "currentTimestamp", "localTimestamp", "utcTimestamp" -> now;
            case "cancelFlag" -> new AtomicBoolean(false);
            default -> null;
        };
    }

    static Map<String, Object> none() { return Map.of(); }
}
