package dev.betweenrows.rewrite.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

    private static List<String> texts(String sql) {
        return StatementSplitter.split(sql).stream().map(Statement::text).toList();
    }

    @Test
    void splitsAtTopLevelSemicolonsKeepingExactTextAndOffsets() {
        String sql = "select 1 as a; select 2 as b";
        List<Statement> statements = StatementSplitter.split(sql);
        assertEquals(List.of("select 1 as a", " select 2 as b"), statements.stream().map(Statement::text).toList());
        assertEquals(0, statements.get(0).start());
        assertEquals(14, statements.get(1).start());
        assertEquals(sql, statements.get(1).source());
        Token select2 = statements.get(1).significant().get(0);
        assertEquals("select", sql.substring(select2.start(), select2.end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 'a;b'",
        "SELECT E'a\\';b'",
        "SELECT U&'a;b'",
        "SELECT $$a;b$$",
        "SELECT $fn$ a; $$ ; b $fn$",
        "SELECT \"a;b\" FROM t",
        "SELECT U&\"a;b\" FROM t",
        "SELECT 1 -- a;b",
        "SELECT 1 /* a; /* b; */ c; */",
        "SELECT B'0' -- ;",
        "SELECT 'a'\n';b'",
        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))"})
    void semicolonsInsideLiteralsCommentsAndParenthesesDoNotSplit(String sql) {
        List<Statement> statements = StatementSplitter.split(sql);
        assertEquals(1, statements.size(), () -> "pieces: " + statements.stream().map(Statement::text).toList());
        assertEquals(sql, statements.get(0).text());
    }

    @Test
    void hiddenSecondStatementsAreFound() {
        assertEquals(List.of("SELECT 'x'", " DELETE FROM t"), texts("SELECT 'x'; DELETE FROM t"));
        assertEquals(List.of("SELECT E'\\''", " DELETE FROM t --'"), texts("SELECT E'\\''; DELETE FROM t --'"));
        assertEquals(List.of("SELECT $a$ $b$ $a$", " DROP TABLE t"), texts("SELECT $a$ $b$ $a$; DROP TABLE t"));
        assertEquals(List.of("SELECT 1 /* /* */ */", "DELETE FROM t"), texts("SELECT 1 /* /* */ */;DELETE FROM t"));
    }

    @Test
    void trailingAndRepeatedSemicolonsAddNoStatement() {
        assertEquals(List.of("SELECT 1"), texts("SELECT 1;"));
        assertEquals(List.of("SELECT 1", " SELECT 2"), texts("SELECT 1;; SELECT 2;  ;\n"));
        assertEquals(3, StatementSplitter.segments("SELECT 1;;").size(), "segments keep the empty pieces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";", " ; ;", "-- only a comment", "/* c */;\n"})
    void noStatementGivesOneEmptyStatement(String sql) {
        List<Statement> statements = StatementSplitter.split(sql);
        assertEquals(1, statements.size());
        assertTrue(statements.get(0).isEmpty());
        assertTrue(sql.startsWith(statements.get(0).text()));
        assertEquals(0, statements.get(0).start());
    }

    @Test
    void clientBatches() {
        assertEquals(List.of("SET DateStyle = 'ISO'", "SET extra_float_digits = 2", "show transaction_isolation"),
                texts("SET DateStyle = 'ISO';SET extra_float_digits = 2;show transaction_isolation"));
        assertEquals(List.of("SAVEPOINT _per_query_svp_", "DEALLOCATE \"_PLAN0x1535fce0\"", "RELEASE _per_query_svp_"),
                texts("SAVEPOINT _per_query_svp_;DEALLOCATE \"_PLAN0x1535fce0\";RELEASE _per_query_svp_"));
    }

    @Test
    void unbalancedNestingFailsTheWholeString() {
        LexException extraClose = assertThrows(LexException.class, () -> StatementSplitter.split("SELECT 1); DELETE FROM t"));
        assertEquals("syntax error at or near \")\"", extraClose.getMessage());
        assertEquals(8, extraClose.offset());
        LexException open = assertThrows(LexException.class, () -> StatementSplitter.split("SELECT (1; DELETE FROM t"));
        assertEquals("syntax error at or near \";\"", open.getMessage());
        LexException end = assertThrows(LexException.class, () -> StatementSplitter.split("SELECT (1"));
        assertEquals("syntax error at end of input", end.getMessage());
        assertThrows(LexException.class, () -> StatementSplitter.split("SELECT a[1)"));
    }

    @Test
    void lexErrorsFailTheWholeString() {
        LexException e = assertThrows(LexException.class, () -> StatementSplitter.split("SELECT 1; SELECT 'open"));
        assertEquals("unterminated quoted string", e.getMessage());
        assertEquals(17, e.offset());
    }

    @Test
    void singleStatementForParse() {
        assertEquals("SELECT $1", StatementSplitter.single("SELECT $1;").text());
        assertTrue(StatementSplitter.single("  ").isEmpty());
        LexException e = assertThrows(LexException.class, () -> StatementSplitter.single("SELECT 1; SELECT 2"));
        assertEquals("cannot insert multiple commands into a prepared statement", e.getMessage());
        assertEquals("42601", e.sqlState());
    }
}
