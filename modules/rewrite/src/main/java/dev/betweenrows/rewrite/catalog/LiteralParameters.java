package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lifts the string literals a normalised catalog query compares something with ({@code c.relname ~ '^(orders)$'},
 * {@code a.attrelid = '16392'}) out of its text as dynamic parameters, so psql's {@code \d orders} and
 * {@code \d customers} share one compiled plan. Only a literal that is the whole right operand of a comparison
 * is lifted (the token after it ends the operand), so the statement's structure cannot change; whether the
 * parameter's inferred type can take the value is decided by the engine, which falls back to the literal text.
 */
final class LiteralParameters {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "~", "!~", "<", ">", "<=", ">=");
    /** Words that end an operand at a lower precedence than any comparison. */
    private static final Set<String> OPERAND_ENDS = Set.of("and", "or", "order", "group", "having", "limit", "offset",
            "union", "except", "intersect", "when", "then", "else", "end");

    /** A template with {@code ?} for each lifted literal, and the literals' values in order. */
    record Lifted(String template, List<String> values) {}

    private LiteralParameters() {}

    static Lifted lift(String normalised) {
        List<Token> t = PgLexer.significant(normalised);
        StringBuilder template = new StringBuilder();
        List<String> values = new ArrayList<>();
        int copied = 0;
        for (int k = 2; k < t.size(); k++) {
            Token literal = t.get(k);
            if (literal.is(TokenType.STRING) && isComparison(t.get(k - 1)) && t.get(k - 2).type().isIdentifier()
                    && endsOperand(t, k + 1)) {
                template.append(normalised, copied, literal.start()).append('?');
                copied = literal.end();
                values.add(literal.value());
            }
        }
        if (values.isEmpty()) return new Lifted(normalised, List.of());
        template.append(normalised, copied, normalised.length());
        return new Lifted(template.toString(), List.copyOf(values));
    }

    private static boolean isComparison(Token t) {
        return t.is(TokenType.OPERATOR) && COMPARISONS.contains(t.value());
    }

    private static boolean endsOperand(List<Token> t, int k) {
        if (k >= t.size()) return true;
        Token next = t.get(k);
        return next.is(TokenType.RIGHT_PAREN) || next.is(TokenType.COMMA) || next.is(TokenType.SEMICOLON)
                || next.is(TokenType.IDENTIFIER) && OPERAND_ENDS.contains(next.value());
    }
}
