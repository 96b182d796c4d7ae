package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.LocalColumn;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the simplest session-information queries in-process, so they never reach upstream (whose answers would
 * name the upstream database, role and server): {@code SELECT} followed by a comma list of {@code version()},
 * {@code current_database()}, {@code current_schema[()]}, {@code current_user}, {@code session_user},
 * {@code user}. Anything more complex is not answered here.
 */
final class LocalAnswers {
    private static final int TEXT = 25;
    private static final int NAME = 19;

    private final String serverVersion;
    private final String defaultSchema;

    LocalAnswers(String serverVersion, String defaultSchema) {
        this.serverVersion = serverVersion;
        this.defaultSchema = defaultSchema;
    }

    Optional<AnswerLocally> answer(Statement statement, GuardSession session) {
        List<Token> t = statement.significant();
        if (t.isEmpty() || !t.get(0).isWord("select")) return Optional.empty();
        List<LocalColumn> columns = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int k = 1;
        while (k < t.size()) {
            Token word = t.get(k);
            if (!word.is(TokenType.IDENTIFIER)) return Optional.empty();
            boolean parens = k + 2 < t.size() && t.get(k + 1).is(TokenType.LEFT_PAREN)
                    && t.get(k + 2).is(TokenType.RIGHT_PAREN);
            String value = value(word.value(), parens, session);
            if (value == null) return Optional.empty();
            columns.add(new LocalColumn(word.value().equals("user") ? "current_user" : word.value(),
                    word.value().equals("version") ? TEXT : NAME));
            row.add(value);
            k += parens ? 3 : 1;
            if (k < t.size()) {
                if (!t.get(k).is(TokenType.COMMA)) return Optional.empty();
                k++;
                if (k == t.size()) return Optional.empty();
            }
        }
        if (columns.isEmpty()) return Optional.empty();
        return Optional.of(new AnswerLocally(columns, List.of(row), "SELECT 1"));
    }

    private String value(String word, boolean parens, GuardSession session) {
        return switch (word) {
            case "version" -> parens ? "PostgreSQL " + serverVersion + " (BetweenRows)" : null;
            case "current_database" -> parens ? session.dataSource().name() : null;
            case "current_schema" -> defaultSchema;
            case "current_user", "session_user", "user" -> parens ? null : session.user().username();
            default -> null;
        };
    }
}
