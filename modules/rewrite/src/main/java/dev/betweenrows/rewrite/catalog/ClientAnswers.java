package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known client catalog statements that Calcite cannot evaluate as written, each paired with an equivalent
 * answer query over the emulated relations (resource {@code catalog/answers.sql}). A statement matches by its
 * token shape ({@link Fingerprints#fingerprint}); the answer receives the statement's literals and bound
 * parameters as SQL literals, so it sees exactly what the client asked for and nothing else.
 */
final class ClientAnswers {
    /** An answer query and, when given, its result columns' names and types. */
    record Answer(String sql, List<Relation.Column> columns) {}

    /** Could not build the answer (a parameter is unbound). */
    static final class Unbound extends Exception {
        Unbound(String message) {
            super(message);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![:\\w$])([:$])(\\d+)\\b");
    private static final Map<String, Answer> KNOWN = load();

    private ClientAnswers() {}

    static Optional<Answer> match(String sql) {
        return Optional.ofNullable(KNOWN.get(Fingerprints.fingerprint(sql)));
    }

    /** The answer's SQL with {@code $n} (bound parameter) and {@code :n} (n-th literal or parameter) filled in. */
    static String bind(Answer answer, String clientSql, List<String> parameters) throws Unbound {
        List<String> wildcards = new ArrayList<>();
        for (Token t : PgLexer.significant(clientSql)) {
            if (t.type().isString()) wildcards.add(literal(t.value()));
            else if (t.is(TokenType.INTEGER)) wildcards.add(t.text());
            else if (t.is(TokenType.PARAMETER)) wildcards.add(parameter(parameters, Integer.parseInt(t.value())));
        }
        Matcher m = PLACEHOLDER.matcher(answer.sql());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            String value;
            if (m.group(1).equals("$")) {
                value = parameter(parameters, n);
            } else {
                if (n < 1 || n > wildcards.size()) throw new Unbound("answer placeholder :" + n + " out of range");
                value = wildcards.get(n - 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String parameter(List<String> parameters, int n) throws Unbound {
        if (n < 1 || n > parameters.size() || parameters.get(n - 1) == null) {
            throw new Unbound("catalog query parameter $" + n + " is not bound");
        }
        return literal(parameters.get(n - 1));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static Map<String, Answer> load() {
        String text;
        try (InputStream in = ClientAnswers.class.getResourceAsStream("/catalog/answers.sql")) {
            if (in == null) throw new IllegalStateException("missing resource catalog/answers.sql");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Answer> out = new HashMap<>();
        for (String block : text.split("(?m)^-- client\\s*\\n")) {
            int split = block.indexOf("\n-- answer");
            if (split < 0) continue;
            String client = block.substring(0, split);
            String rest = block.substring(split + "\n-- answer".length());
            int eol = rest.indexOf('\n');
            String header = rest.substring(0, eol).trim();
            List<Relation.Column> columns = header.startsWith("columns:")
                    ? Relation.columns(header.substring("columns:".length()).trim().replace(',', ' ')) : List.of();
            out.put(Fingerprints.fingerprint(client), new Answer(rest.substring(eol + 1).trim(), columns));
        }
        return Map.copyOf(out);
    }

    /** The number of known statements (for tests). */
    static int size() {
        return KNOWN.size();
    }
}
