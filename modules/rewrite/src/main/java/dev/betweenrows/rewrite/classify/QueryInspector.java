package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.classify.StatementKind.Query;
import dev.betweenrows.rewrite.classify.StatementKind.Write;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a SELECT / WITH / VALUES / TABLE statement only reads. Token scans err on the side of refusing:
 * any INTO, any RETURNING, a DML verb as a CTE body or as the main statement after WITH, and any FOR UPDATE /
 * NO KEY UPDATE / SHARE / KEY SHARE make it a write (PostgreSQL answers all of these with 25006 in a read-only
 * transaction).
 */
final class QueryInspector {

    static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table");
    private static final Set<String> DML = Set.of("insert", "update", "delete", "merge");

    private QueryInspector() {}

    /** Inspects the tokens from the cursor's position to the end of the statement. */
    static StatementKind inspect(TokenCursor c) {
        List<Token> tokens = c.tokens();
        int from = c.index();
        int lead = from;
        while (lead < tokens.size() && tokens.get(lead).is(TokenType.LEFT_PAREN)) lead++;
        if (lead >= tokens.size()) {
            while (!c.atEnd()) c.next();
            throw c.syntaxError();
        }
        Token leading = tokens.get(lead);
        if (!leading.is(TokenType.IDENTIFIER) || !QUERY_STARTS.contains(leading.value())) {
            while (c.index() < lead) c.next();
            throw c.syntaxError();
        }
        String dml = dataModifying(tokens, from, lead);
        if (dml != null) return write(dml);
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isWord("into")) return write("SELECT INTO");
            String lock = t.isWord("for") ? lockingClause(tokens, k + 1) : null;
            if (lock != null) return write("SELECT FOR " + lock);
        }
        Set<String> catalog = CatalogScan.names(tokens, from);
        while (!c.atEnd()) c.next();
        return new Query(leading.value(), !catalog.isEmpty(), catalog);
    }

    /** The DML verb that makes the statement write, or null. */
    private static String dataModifying(List<Token> tokens, int from, int lead) {
        boolean returning = false;
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            returning |= t.isWord("returning");
            if (t.is(TokenType.LEFT_PAREN) && k > from && k + 1 < tokens.size()) {
                Token before = tokens.get(k - 1);
                Token after = tokens.get(k + 1);
                if ((before.isWord("as") || before.isWord("materialized")) && isDml(after)) return upper(after);
            }
        }
        if (tokens.get(lead).isWord("with")) {
            String main = mainVerbAfterWith(tokens, lead);
            if (main != null && DML.contains(main)) return main.toUpperCase(Locale.ROOT);
        }
        if (returning) {
            for (int k = from; k < tokens.size(); k++) if (isDml(tokens.get(k))) return upper(tokens.get(k));
            return "INSERT";
        }
        return null;
    }

    /** First query or DML verb at the WITH's own nesting level: the statement the CTEs feed. */
    private static String mainVerbAfterWith(List<Token> tokens, int with) {
        int depth = 0;
        for (int k = with + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is(TokenType.LEFT_PAREN) || t.is(TokenType.LEFT_BRACKET)) depth++;
            else if (t.is(TokenType.RIGHT_PAREN) || t.is(TokenType.RIGHT_BRACKET)) {
                if (--depth < 0) return null;
            } else if (depth == 0 && t.is(TokenType.IDENTIFIER)
                    && (DML.contains(t.value()) || (QUERY_STARTS.contains(t.value()) && !t.isWord("with")))) {
                return t.value();
            }
        }
        return null;
    }

    /** After FOR: UPDATE, NO KEY UPDATE, SHARE or KEY SHARE, else null. */
    private static String lockingClause(List<Token> tokens, int k) {
        Token a = k < tokens.size() ? tokens.get(k) : null;
        Token b = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        Token c = k + 2 < tokens.size() ? tokens.get(k + 2) : null;
        if (a == null) return null;
        if (a.isWord("update")) return "UPDATE";
        if (a.isWord("share")) return "SHARE";
        if (a.isWord("no") && b != null && b.isWord("key") && c != null && c.isWord("update")) return "NO KEY UPDATE";
        if (a.isWord("key") && b != null && b.isWord("share")) return "KEY SHARE";
        return null;
    }

    private static boolean isDml(Token t) {
        return t.is(TokenType.IDENTIFIER) && DML.contains(t.value());
    }

    private static String upper(Token t) {
        return t.value().toUpperCase(Locale.ROOT);
    }

    private static Write write(String command) {
        return new Write(command, "cannot execute " + command + " in a read-only transaction");
    }
}
