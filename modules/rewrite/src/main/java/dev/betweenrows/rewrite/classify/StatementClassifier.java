package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.classify.StatementKind.Refused;
import dev.betweenrows.rewrite.classify.StatementKind.Write;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies one statement by its leading tokens (comments and whitespace are already gone; leading parentheses
 * lead to the query path). Never looks at raw text with patterns, so comments, quoting, case and literal tricks
 * cannot disguise a statement. Unknown statements are refused.
 */
public final class StatementClassifier {

    private static final Set<String> TRANSACTION = Set.of("begin", "start", "commit", "end", "rollback", "abort",
            "savepoint", "release");
    private static final Set<String> SESSION = Set.of("set", "reset", "show");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge", "truncate", "create",
            "alter", "drop", "grant", "revoke", "comment", "vacuum", "analyze", "analyse", "cluster", "reindex",
            "refresh", "security", "import", "reassign");
    private static final Set<String> UNSUPPORTED = Set.of("do", "call", "listen", "notify", "unlisten", "lock",
            "explain", "prepare", "execute");
    private static final Set<String> PRIVILEGED = Set.of("load", "checkpoint");
    /** Object words kept in a write's command tag (e.g. CREATE TABLE); never a user-chosen name. */
    private static final Set<String> OBJECT_WORDS = Set.of("table", "view", "index", "schema", "function",
            "procedure", "sequence", "type", "role", "user", "database", "extension", "trigger", "materialized",
            "policy", "rule", "system", "default", "server", "publication", "subscription", "aggregate", "domain",
            "operator", "collation", "cast", "language", "tablespace", "event", "foreign", "statistics", "owned",
            "unique", "temp", "temporary", "unlogged", "or", "replace", "label", "on", "text", "conversion", "access", "group",
            "routine");

    private StatementClassifier() {}

    /** Classifies a statement cut by {@link StatementSplitter}. */
    public static StatementKind classify(Statement statement) {
        if (statement.isEmpty()) return new StatementKind.Empty();
        TokenCursor c = new TokenCursor(statement, 0);
        try {
            return dispatch(c);
        } catch (TokenCursor.Abort abort) {
            return abort.refusal;
        }
    }

    /** Classifies text that must hold at most one statement (e.g. an extended-protocol Parse). */
    public static StatementKind classify(String sql) {
        return classify(StatementSplitter.single(sql));
    }

    private static StatementKind dispatch(TokenCursor c) {
        Token first = c.peek();
        if (first.is(TokenType.LEFT_PAREN)) return QueryInspector.inspect(c);
        if (!first.is(TokenType.IDENTIFIER)) throw c.syntaxError();
        String word = first.value();
        if (QueryInspector.QUERY_STARTS.contains(word)) return QueryInspector.inspect(c);
        if (TRANSACTION.contains(word)) return TransactionParser.parse(c);
        if (SESSION.contains(word)) return SessionParser.parse(c);
        return switch (word) {
            case "declare" -> CursorParser.declare(c);
            case "fetch", "move" -> CursorParser.fetch(c);
            case "close" -> CursorParser.close(c);
            case "discard" -> discard(c);
            case "deallocate" -> deallocate(c);
            case "copy" -> copy(c);
            default -> other(c, word);
        };
    }

    private static StatementKind discard(TokenCursor c) {
        c.expectWords("discard");
        if (c.acceptWords("all")) {
            c.expectEnd();
            return new StatementKind.DiscardAll();
        }
        throw c.refuse("0A000", "only DISCARD ALL is supported");
    }

    private static StatementKind deallocate(TokenCursor c) {
        c.expectWords("deallocate");
        c.acceptWords("prepare");
        String name = c.acceptWords("all") ? null : c.name();
        c.expectEnd();
        return new StatementKind.Deallocate(name);
    }

    /** COPY ... FROM writes (25006); COPY ... TO and anything else about COPY is not supported (0A000). */
    private static StatementKind copy(TokenCursor c) {
        int depth = 0;
        for (Token t : c.tokens()) {
            if (t.is(TokenType.LEFT_PAREN)) depth++;
            else if (t.is(TokenType.RIGHT_PAREN)) depth--;
            else if (depth == 0 && t.isWord("from")) return write("COPY FROM");
        }
        return new Refused("COPY", "0A000", "COPY is not supported", -1);
    }

    private static StatementKind other(TokenCursor c, String word) {
        if (WRITES.contains(word)) return write(writeCommand(c));
        String command = word.toUpperCase(Locale.ROOT);
        if (c.peekWords("prepare", "transaction")) {
            return new Refused("PREPARE TRANSACTION", "0A000", "two-phase commit is not supported", -1);
        }
        if (UNSUPPORTED.contains(word)) return new Refused(command, "0A000", command + " is not supported", -1);
        if (PRIVILEGED.contains(word)) {
            return new Refused(command, "42501", "permission denied to run " + command, -1);
        }
        throw c.syntaxError();
    }

    /** First word plus the object words that follow (CREATE TABLE, DROP MATERIALIZED VIEW). */
    private static String writeCommand(TokenCursor c) {
        StringBuilder command = new StringBuilder(c.peek().value().toUpperCase(Locale.ROOT));
        for (int k = 1; k < 4; k++) {
            Token t = c.peek(k);
            if (t == null || !t.is(TokenType.IDENTIFIER) || !OBJECT_WORDS.contains(t.value())) break;
            command.append(' ').append(t.value().toUpperCase(Locale.ROOT));
        }
        return command.toString();
    }

    private static Write write(String command) {
        return new Write(command, "cannot execute " + command + " in a read-only transaction");
    }
}
