package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.BoundExpression;
import dev.betweenrows.policy.UserContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Binds {@code {user.*}} placeholders to literals; see {@code ExpressionTemplate} for the rules. */
public final class TemplateBinder {
    public static final Set<String> BUILT_INS = Set.of("username", "id");

    private TemplateBinder() {}

    public static BoundExpression bind(String text, UserContext user, Map<String, AttributeDefinition> definitions) {
        StringBuilder sql = new StringBuilder(text.length() + 32);
        Map<String, String> literals = new TreeMap<>();
        for (TemplateScanner.Segment segment : TemplateScanner.scan(text)) {
            if (segment instanceof TemplateScanner.Text t) {
                sql.append(t.text());
                continue;
            }
            TemplateScanner.Placeholder p = (TemplateScanner.Placeholder) segment;
            Typed typed = valueOf(p.key(), user, definitions);
            String literal = literal(typed, text, p);
            if (!sql.isEmpty() && SqlLiterals.needsSpace(sql.charAt(sql.length() - 1))) sql.append(' ');
            sql.append(literal);
            if (p.end() < text.length() && SqlLiterals.needsSpace(text.charAt(p.end()))) sql.append(' ');
            literals.putIfAbsent(p.key(), literal);
        }
        return new BoundExpression(sql.toString(), literals, sortedFingerprint(literals.keySet(), user, definitions));
    }

    private record Typed(AttributeType type, AttributeValue value) {}

    private static Typed valueOf(String key, UserContext user, Map<String, AttributeDefinition> definitions) {
        if (key.equals("username")) return new Typed(AttributeType.STRING, new AttributeValue.Text(user.username()));
        if (key.equals("id")) return new Typed(AttributeType.STRING, new AttributeValue.Text(user.userId()));
        AttributeDefinition def = definitions.get(key);
        if (def == null) throw new BindingException("attribute '" + key + "' is not defined");
        AttributeValue value = user.attributes().getOrDefault(key, def.defaultValue());
        if (value != null && value.type() != def.type())
            throw new BindingException("value of attribute '" + key + "' is not of type " + def.type().jsonName());
        return new Typed(def.type(), value);
    }

    private static String literal(Typed typed, String text, TemplateScanner.Placeholder p) {
        AttributeValue v = typed.value();
        if (typed.type() == AttributeType.LIST)
            return SqlLiterals.list(v == null ? null : v.texts(), SqlLiterals.listContext(text, p.start(), p.end()));
        if (v == null) return "NULL";
        return switch (v) {
            case AttributeValue.Text t -> SqlLiterals.string(t.value());
            case AttributeValue.Int i -> SqlLiterals.integer(i.value());
            case AttributeValue.Bool b -> SqlLiterals.bool(b.value());
            case AttributeValue.Strings s -> throw new IllegalStateException("list handled above");
        };
    }

    /** Over the typed values (not the literals), so the same values always give the same fingerprint. */
    private static String sortedFingerprint(Set<String> keys, UserContext user, Map<String, AttributeDefinition> defs) {
        Fingerprint f = new Fingerprint();
        for (String key : keys) {
            Typed t = valueOf(key, user, defs);
            f.add(key, t.type().jsonName(), t.value() == null ? null : t.value().texts());
        }
        return f.hex();
    }
}
