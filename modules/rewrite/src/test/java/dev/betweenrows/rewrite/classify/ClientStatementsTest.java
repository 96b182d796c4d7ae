package dev.betweenrows.rewrite.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.betweenrows.rewrite.classify.StatementKind.Category;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every statement real clients sent (reference/client-statements.json, captured from PostgreSQL's log) classifies
 * to an accepted category: nothing a real client sends is refused at this stage, and every catalog query is
 * recognised as one.
 */
class ClientStatementsTest {

    private static final String FIXTURE = "client-statements.json";

    @Test
    void everyCapturedClientStatementClassifiesAsExpected() throws IOException {
        List<Map<String, Object>> captured = load();
        assertTrue(captured.size() >= 90, "fixture has " + captured.size() + " statements");
        Map<String, Integer> summary = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int statements = 0;
        for (Map<String, Object> entry : captured) {
            String sql = (String) entry.get("sql");
            for (Statement statement : StatementSplitter.split(sql)) {
                statements++;
                StatementKind kind = StatementClassifier.classify(statement);
                Category expected = expectedCategory(statement.text());
                String label = kind.category() + (kind instanceof StatementKind.Query q && q.touchesCatalog() ? " (catalog)" : "");
                summary.merge(label, 1, Integer::sum);
                if (kind.category() != expected) {
                    failures.add(entry.get("client") + ": expected " + expected + " got " + kind + " for " + statement.text());
                } else if (kind instanceof StatementKind.Query q && q.touchesCatalog() != looksLikeCatalog(statement.text())) {
                    failures.add(entry.get("client") + ": catalog=" + q.touchesCatalog() + " " + q.catalogNames() + " for " + statement.text());
                }
            }
        }
        System.out.println("client-statements.json: " + captured.size() + " captured strings, " + statements
                + " statements -> " + summary);
        if (!failures.isEmpty()) fail(String.join("\n", failures));
        assertEquals(0, summary.getOrDefault(Category.OTHER_REFUSED.name(), 0));
        assertEquals(0, summary.getOrDefault(Category.WRITE.name(), 0));
    }

    /** Independent oracle: the category a reader would assign from the first word. */
    private static Category expectedCategory(String sql) {
        String first = sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return switch (first) {
            case "select", "with", "values", "table" -> Category.QUERY;
            case "set", "show", "reset" -> Category.SESSION_SET;
            case "begin", "commit", "rollback", "savepoint", "release" -> Category.TRANSACTION_CONTROL;
            case "declare", "fetch", "close" -> Category.CURSOR;
            case "deallocate" -> Category.DEALLOCATE;
            default -> Category.OTHER_REFUSED;
        };
    }

    private static boolean looksLikeCatalog(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("pg_") || lower.contains("information_schema") || lower.contains("current_")
                || lower.contains("version()");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load() throws IOException {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(read());
        return (List<Map<String, Object>>) root.get("statements");
    }

    /** Test classpath first (the lead copies the fixture there), then the shared reference directory. */
    private static String read() throws IOException {
        try (InputStream in = ClientStatementsTest.class.getResourceAsStream("/" + FIXTURE)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String dir = System.getProperty("br.reference.dir", "/work/shared/reference");
        Path path = Path.of(dir, FIXTURE);
        if (!Files.isReadable(path)) fail(FIXTURE + " not found on the test classpath nor in " + dir);
        return Files.readString(path);
    }
}
