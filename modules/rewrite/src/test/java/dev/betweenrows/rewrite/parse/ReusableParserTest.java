package dev.betweenrows.rewrite.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

/**
 * A reused parser gives exactly what a new one gives, whatever it parsed before: the same tree, the same
 * positions (splicing depends on them), the same {@code $n} numbering and the same errors.
 */
class ReusableParserTest {
    private static final List<String> BROKEN = List.of("SELECT (((1", "SELECT * FROM", "SELECT ROW(ROW(1, (",
            "SELECT a FROM t WHERE x IN (SELECT", "SELECT $1, ? FROM (VALUES (?", "\"unterminated", "SELECT 1 +");

    @Test void reusedParsersAnswerLikeNewOnes() throws IOException {
        List<String> inputs = new ArrayList<>();
        for (String q : corpus()) inputs.add(Neutralizer.neutralize(new SourceText(q), PgSqlParser.METADATA));
        inputs.addAll(BROKEN);
        Random random = new Random(7);
        int parsed = 0;
        for (int round = 0; round < 3; round++) {
            java.util.Collections.shuffle(inputs, random);   // every statement after other ones, broken ones too
            for (String input : inputs) {
                String fresh = describe(() -> SqlParser.create(input, PgSqlParser.CONFIG).parseQuery());
                String reused = describe(() -> ReusableParser.parse(input));
                assertEquals(fresh, reused, input);
                if (!fresh.startsWith("error")) parsed++;
            }
        }
        assertTrue(parsed > 500, "the corpus mostly parses: " + parsed);
    }

    private interface Parse {
        SqlNode run() throws SqlParseException;
    }

    /** The tree, every node's position and every dynamic parameter's index; or the error and its position. */
    private static String describe(Parse parse) {
        try {
            SqlNode root = parse.run();
            StringBuilder out = new StringBuilder(root.toString());
            root.accept(new SqlBasicVisitor<Void>() {
                @Override public Void visit(SqlCall call) {
                    out.append('|').append(call.getKind()).append('@').append(call.getParserPosition());
                    return super.visit(call);
                }

                @Override public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
                    out.append('|').append(id).append('@').append(id.getParserPosition());
                    return null;
                }

                @Override public Void visit(org.apache.calcite.sql.SqlLiteral literal) {
                    out.append('|').append(literal).append('@').append(literal.getParserPosition());
                    return null;
                }

                @Override public Void visit(org.apache.calcite.sql.SqlDynamicParam param) {
                    out.append("|?").append(param.getIndex()).append('@').append(param.getParserPosition());
                    return null;
                }
            });
            return out.toString();
        } catch (SqlParseException e) {
            return "error " + e.getMessage() + " at " + e.getPos();
        }
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = ReusableParserTest.class.getResourceAsStream("/app-bi-corpus.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String q : text.split("\\n\\s*\\n")) {
                String s = q.strip();
                if (!s.isEmpty() && !s.startsWith("--")) out.add(s);
            }
            return out;
        }
    }
}
