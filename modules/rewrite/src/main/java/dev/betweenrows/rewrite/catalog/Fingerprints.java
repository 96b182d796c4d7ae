package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client queries Calcite cannot evaluate and whose answer is always empty here, because BetweenRows never shows
 * what they read (psql {@code \d t}'s incoming foreign keys, policies, statistics, publications, triggers):
 * matched by their token shape with literals and parameters as wildcards, answered with their exact columns and
 * no rows. The shapes are in {@code catalog/fingerprints.sql}: each block is a {@code -- columns:} line
 * (name:type, comma-separated) followed by the client's SQL.
 */
final class Fingerprints {
    /** An always-empty answer's columns. */
    record Shape(List<Relation.Column> columns) {}

    private static final Map<String, Shape> KNOWN = load();

    private Fingerprints() {}

    static Optional<Shape> match(String sql) {
        return Optional.ofNullable(KNOWN.get(fingerprint(sql)));
    }

    /** Significant tokens, literals and parameters replaced by {@code ?}, a trailing semicolon dropped. */
    static String fingerprint(String sql) {
        List<Token> tokens = PgLexer.significant(sql);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(TokenType.SEMICOLON) && i == tokens.size() - 1) break;
            boolean wildcard = t.type().isString() || t.is(TokenType.INTEGER) || t.is(TokenType.PARAMETER);
            sb.append(wildcard ? "?" : t.is(TokenType.QUOTED_IDENTIFIER) ? t.text() : t.value()).append(' ');
        }
        return sb.toString();
    }

    private static Map<String, Shape> load() {
        String text;
        try (InputStream in = Fingerprints.class.getResourceAsStream("/catalog/fingerprints.sql")) {
            if (in == null) throw new IllegalStateException("missing resource catalog/fingerprints.sql");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Shape> out = new HashMap<>();
        for (String block : text.split("(?m)^-- columns: ")) {
            if (block.isBlank() || block.startsWith("--")) continue;
            int eol = block.indexOf('\n');
            String spec = block.substring(0, eol).trim().replace(',', ' ');
            out.put(fingerprint(block.substring(eol + 1)), new Shape(Relation.columns(spec)));
        }
        return Map.copyOf(out);
    }
}
