package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites PostgreSQL catalog SQL into text Calcite's Babel parser accepts, token by token (comments dropped):
 * {@code OPERATOR(pg_catalog.~)} → {@code ~}; {@code COLLATE pg_catalog.default} removed; {@code pg_catalog.}
 * dropped before function calls and cast types; PostgreSQL type names in casts mapped to Calcite's (reg* and
 * oid to integer, a regclass literal naming a relation to its emulated OID, a regproc literal naming a built-in
 * function to its OID); reserved words used as column aliases ({@code AS DEFAULT}) quoted; {@code generate_series(…)} in FROM to an
 * unnested integer array; {@code E'…'} to a plain literal;
 * {@code current_catalog}, {@code current_user} … to the library's functions; {@code $n} to the bound value.
 */
final class SqlNormaliser {
    private static final Map<String, String> CAST_TYPES = Map.ofEntries(
            Map.entry("text", "varchar"), Map.entry("name", "varchar"), Map.entry("varchar", "varchar"),
            Map.entry("char", "varchar"), Map.entry("bpchar", "varchar"), Map.entry("int2", "smallint"),
            Map.entry("smallint", "smallint"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int", "integer"), Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("oid", "integer"), Map.entry("regclass", "integer"), Map.entry("regtype", "integer"),
            Map.entry("regproc", "integer"), Map.entry("regnamespace", "integer"), Map.entry("regrole", "integer"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"));
    /** The library function {@code generate_series} in FROM becomes (an integer array, unnested). */
    static final String INTEGER_SERIES = "pg_integer_series";
    /** Column aliases PostgreSQL allows bare but Calcite reserves (SQLAlchemy's {@code ) AS DEFAULT}). */
    private static final Set<String> RESERVED_ALIASES = Set.of("default", "value", "position", "result", "language");
    private static final Set<String> SESSION_WORDS = Set.of("current_catalog", "current_schema", "current_user",
            "session_user", "user");

    /** A statement the normaliser cannot express; {@code sqlState} is what the client should see. */
    static final class NotNormalisable extends Exception {
        final String sqlState;

        NotNormalisable(String sqlState, String message) {
            super(message);
            this.sqlState = sqlState;
        }
    }

    private SqlNormaliser() {}

    static String normalise(String sql, List<String> parameters, SessionFacts facts) throws NotNormalisable {
        List<Token> t = PgLexer.significant(sql);
        StringBuilder out = new StringBuilder();
        int previousStart = 0;
        Set<Integer> closeAfter = new java.util.HashSet<>();
        for (int k = 0; k < t.size(); k++) {
            Token tok = t.get(k);
            int start = out.length();
            if (closeAfter.remove(k - 1)) append(out, ")");
            if (tok.is(TokenType.SEMICOLON) && k == t.size() - 1) break;
            if (tok.isWord("generate_series") && k > 0 && k + 1 < t.size() && t.get(k + 1).is(TokenType.LEFT_PAREN)
                    && (t.get(k - 1).isWord("from") || t.get(k - 1).isWord("join") || t.get(k - 1).is(TokenType.COMMA)
                        || t.get(k - 1).is(TokenType.DOT) && k > 1 && t.get(k - 2).isWord("pg_catalog"))) {
                append(out, "UNNEST(" + INTEGER_SERIES); // a set-returning function in FROM: unnest its array
                closeAfter.add(matchingParen(t, k + 1));
            } else if (tok.isWord("pg_get_keywords") && k + 2 < t.size() && t.get(k + 1).is(TokenType.LEFT_PAREN)
                    && t.get(k + 2).is(TokenType.RIGHT_PAREN) && k > 0 && (t.get(k - 1).isWord("from")
                        || t.get(k - 1).isWord("join") || t.get(k - 1).is(TokenType.COMMA)
                        || t.get(k - 1).is(TokenType.DOT) && k > 1 && t.get(k - 2).isWord("pg_catalog"))) {
                append(out, BuiltinTypes.KEYWORDS_RELATION); // the set-returning function in FROM: its rows
                k += 2;
            } else if (tok.isWord("operator") && k + 5 < t.size() && t.get(k + 1).is(TokenType.LEFT_PAREN)
                    && t.get(k + 2).isWord("pg_catalog") && t.get(k + 3).is(TokenType.DOT)
                    && t.get(k + 4).is(TokenType.OPERATOR) && t.get(k + 5).is(TokenType.RIGHT_PAREN)) {
                append(out, t.get(k + 4).value());
                k += 5;
            } else if (tok.isWord("collate")) {
                k = skipQualified(t, k + 1);
            } else if (tok.isWord("pg_catalog") && k + 3 < t.size() && t.get(k + 1).is(TokenType.DOT)
                    && t.get(k + 2).type().isIdentifier() && t.get(k + 3).is(TokenType.LEFT_PAREN)) {
                k += 1; // function call: the qualifier goes, the name follows
            } else if (tok.is(TokenType.TYPECAST)) {
                k = cast(t, k, out, previousStart, facts);
            } else if (tok.is(TokenType.IDENTIFIER) && SESSION_WORDS.contains(tok.value())
                    && (k == 0 || !t.get(k - 1).is(TokenType.DOT))) {
                append(out, "\"" + (tok.value().equals("user") ? "current_user" : tok.value()) + "\"()");
                if (k + 2 < t.size() && t.get(k + 1).is(TokenType.LEFT_PAREN) && t.get(k + 2).is(TokenType.RIGHT_PAREN)) {
                    k += 2;
                }
            } else if (tok.is(TokenType.PARAMETER)) {
                int n = Integer.parseInt(tok.value());
                if (n < 1 || n > parameters.size() || parameters.get(n - 1) == null) {
                    throw new NotNormalisable("0A000", "catalog query parameter $" + n + " is not bound");
                }
                append(out, literal(parameters.get(n - 1)));
            } else if (tok.type().isString()) {
                if (!(tok.is(TokenType.STRING) || tok.is(TokenType.ESCAPE_STRING))) {
                    throw new NotNormalisable("0A000", "string form not supported in catalog queries");
                }
                append(out, literal(tok.value()));
            } else if (tok.is(TokenType.OPERATOR)) {
                append(out, tok.value());
            } else if (tok.is(TokenType.IDENTIFIER) && k > 0 && t.get(k - 1).isWord("as")
                    && RESERVED_ALIASES.contains(tok.value())) {
                append(out, "\"" + tok.value() + "\"");
            } else if (tok.is(TokenType.IDENTIFIER)) {
                append(out, tok.value());
            } else {
                append(out, tok.text());
            }
            previousStart = start;
        }
        if (closeAfter.remove(t.size() - 1)) append(out, ")");
        return out.toString();
    }

    private static int matchingParen(List<Token> t, int open) throws NotNormalisable {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            if (t.get(k).is(TokenType.LEFT_PAREN)) depth++;
            else if (t.get(k).is(TokenType.RIGHT_PAREN) && --depth == 0) return k;
        }
        throw new NotNormalisable("42601", "unbalanced parentheses");
    }

    /** {@code ::[pg_catalog.]type}: Calcite's type, or a relation's OID for {@code 'name'::regclass}. */
    private static int cast(List<Token> t, int k, StringBuilder out, int operandStart, SessionFacts facts) throws NotNormalisable {
        int at = k + 1;
        if (at + 1 < t.size() && t.get(at).isWord("pg_catalog") && t.get(at + 1).is(TokenType.DOT)) at += 2;
        if (at >= t.size() || !t.get(at).type().isIdentifier()) throw new NotNormalisable("42601", "bad cast");
        String type = t.get(at).value();
        String mapped = CAST_TYPES.get(type);
        if (mapped == null) throw new NotNormalisable("0A000", "cast to " + type + " not supported");
        if (type.equals("regclass") && t.get(k - 1).is(TokenType.STRING) && !t.get(k - 1).value().matches("\\d+")) {
            Integer oid = facts.relationOids().get(t.get(k - 1).value());
            if (oid == null) {
                throw new NotNormalisable("42P01", "relation \"" + t.get(k - 1).value() + "\" does not exist");
            }
            out.setLength(operandStart);
            append(out, Integer.toString(oid));
            return at;
        }
        if (type.equals("regproc") && t.get(k - 1).is(TokenType.STRING) && !t.get(k - 1).value().matches("\\d+")) {
            String name = t.get(k - 1).value().replaceFirst("^pg_catalog\\.", "");
            Integer oid = BuiltinFunctions.oidOfUniqueName(name);
            if (oid == null) throw new NotNormalisable("42883", "function \"" + name + "\" does not exist");
            out.setLength(operandStart);
            append(out, Integer.toString(oid));
            return at;
        }
        out.insert(CastOperand.start(out), "( "); // PostgreSQL's binding: the cast applies to the operand only
        append(out, "::");
        append(out, mapped);
        if (at + 2 < t.size() && t.get(at + 1).is(TokenType.LEFT_BRACKET) && t.get(at + 2).is(TokenType.RIGHT_BRACKET)) {
            append(out, "array"); // type[]
            at += 2;
        }
        append(out, ")");
        return at;
    }

    private static int skipQualified(List<Token> t, int k) {
        int end = k;
        while (end + 2 < t.size() && t.get(end + 1).is(TokenType.DOT)) end += 2;
        return end;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void append(StringBuilder out, String text) {
        if (!out.isEmpty()) out.append(' ');
        out.append(text);
    }
}
