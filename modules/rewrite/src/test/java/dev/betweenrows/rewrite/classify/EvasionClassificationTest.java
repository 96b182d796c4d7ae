package dev.betweenrows.rewrite.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.rewrite.classify.StatementKind.Category;
import dev.betweenrows.rewrite.lex.LexException;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tricks from attack-vectors.md (A29–A43 identifier/comment/quoting variants, A69–A88 writes that look like
 * reads, multi-statement smuggling, session tricks, A89–A96 catalog and EXPLAIN) as the classifier sees them.
 */
class EvasionClassificationTest {

    private static List<Category> categories(String sql) {
        return StatementSplitter.split(sql).stream().map(StatementClassifier::classify).map(StatementKind::category).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1; DELETE FROM orders",
        "SELECT 'a'';'; DELETE FROM orders",
        "SELECT E'\\';'; DELETE FROM orders",
        "SELECT $$;$$; DELETE FROM orders",
        "SELECT $x$ $$; $x$; DELETE FROM orders",
        "SELECT 1 /* ; */; DELETE FROM orders",
        "SELECT 1 -- ;\n; DELETE FROM orders",
        "SELECT \"a;\" FROM t; DELETE FROM orders",
        "SELECT U&'\\003B'; DELETE FROM orders"})
    void smuggledSecondStatementIsSeenAndRefused(String sql) {
        assertEquals(List.of(Category.QUERY, Category.WRITE), categories(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/* SELECT */ DELETE FROM orders",
        "-- SELECT\nDELETE FROM orders",
        "/* /* SELECT */ */ DeLeTe FROM orders",
        "\n\t DELETE/**/FROM orders",
        "WITH x AS (SELECT 1) DELETE FROM orders",
        "WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x",
        "WITH RECURSIVE x AS (SELECT 1), y AS (INSERT INTO t SELECT * FROM x RETURNING 1) SELECT 1",
        "(WITH d AS (UPDATE t SET a = 1 RETURNING *) SELECT 1)",
        "SELECT * INTO TEMP stolen FROM orders",
        "SELECT * FROM orders FOR UPDATE",
        "SELECT * FROM orders /* x */ FOR /* y */ UPDATE",
        "TABLE orders FOR SHARE",
        "VALUES (1) FOR UPDATE",
        "COPY orders FROM PROGRAM 'id'"})
    void writesDisguisedByCommentsCaseOrQueryShapeAreWrites(String sql) {
        assertEquals(Category.WRITE, StatementClassifier.classify(sql).category(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM \"pg_catalog\".pg_class",
        "SELECT * FROM pg_catalog/**/./**/pg_class",
        "SELECT * FROM PG_CATALOG . \"PG_CLASS\"",
        "SELECT * FROM U&\"\\0070g_catalog\".pg_class",
        "SELECT * FROM U&\"!0070g_stats\" UESCAPE '!'",
        "SELECT * FROM pg_stats WHERE tablename = 'customers'",
        "SELECT * FROM pg_stat_activity",
        "SELECT * FROM information_schema.columns",
        "SELECT * FROM \"information_schema\".\"columns\"",
        "(SELECT relname FROM pg_class)",
        "WITH c AS (SELECT * FROM pg_class) SELECT * FROM c",
        "SELECT tableoid::regclass, * FROM orders",
        "SELECT current_user, current_database()"})
    void catalogAccessCannotHide(String sql) {
        StatementKind.Query q = assertInstanceOf(StatementKind.Query.class, StatementClassifier.classify(sql), sql);
        assertTrue(q.touchesCatalog(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SET ROLE postgres", "set role = 'postgres'", "SET/**/ROLE postgres", "SET SESSION AUTHORIZATION 'postgres'",
        "RESET ROLE", "LOAD '/tmp/x.so'", "EXPLAIN ANALYZE SELECT * FROM orders", "PREPARE p AS DELETE FROM orders",
        "EXECUTE p", "DO $$BEGIN DELETE FROM orders; END$$", "CALL secret_proc()", "LISTEN x", "NOTIFY x",
        "LOCK orders", "COPY orders TO STDOUT", "COPY (SELECT * FROM orders) TO '/tmp/x'"})
    void sessionAndOtherTricksAreRefused(String sql) {
        assertEquals(Category.OTHER_REFUSED, StatementClassifier.classify(sql).category(), sql);
    }

    @Test
    void setWithAHiddenStatementInItsValueIsNotASet() {
        StatementKind k = StatementClassifier.classify("SET application_name = (SELECT ssn FROM customers LIMIT 1)");
        assertEquals("42601", assertInstanceOf(StatementKind.Refusal.class, k).sqlState());
        assertEquals(List.of(Category.SESSION_SET, Category.WRITE),
                categories("SET application_name = 'x'; DROP TABLE t"));
    }

    @Test
    void unterminatedTricksFailClosed() {
        for (String sql : List.of("SELECT 1 /* ; DELETE FROM t", "SELECT $a$ ; DELETE FROM t", "SELECT E'\\'; DELETE",
                "SELECT \"x; DELETE FROM t")) {
            assertThrows(LexException.class, () -> StatementSplitter.split(sql), sql);
        }
    }

    @Test
    void dollarOneIsNotADollarQuote() {
        List<Statement> statements = StatementSplitter.split("SELECT $1; DELETE FROM t; SELECT $1");
        assertEquals(3, statements.size(), "$1 must not open a dollar quote that hides the DELETE");
        assertEquals(Category.WRITE, StatementClassifier.classify(statements.get(1)).category());
    }

    @Test
    void nestedCommentDepthIsTracked() {
        // A scanner without nesting would end the comment at the first */ and see the DELETE.
        assertEquals(List.of(Category.QUERY), categories("SELECT 1 /* /* */ ; DELETE FROM t */"));
    }
}
