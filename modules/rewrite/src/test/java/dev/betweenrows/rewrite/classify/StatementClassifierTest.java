package dev.betweenrows.rewrite.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.rewrite.classify.StatementKind.Category;
import dev.betweenrows.rewrite.classify.StatementKind.CloseCursor;
import dev.betweenrows.rewrite.classify.StatementKind.Deallocate;
import dev.betweenrows.rewrite.classify.StatementKind.DeclareCursor;
import dev.betweenrows.rewrite.classify.StatementKind.FetchCursor;
import dev.betweenrows.rewrite.classify.StatementKind.FetchDirection;
import dev.betweenrows.rewrite.classify.StatementKind.Refusal;
import dev.betweenrows.rewrite.classify.StatementKind.SessionSet;
import dev.betweenrows.rewrite.classify.StatementKind.SetAction;
import dev.betweenrows.rewrite.classify.StatementKind.SetScope;
import dev.betweenrows.rewrite.classify.StatementKind.Transaction;
import dev.betweenrows.rewrite.classify.StatementKind.TransactionCommand;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierTest {

    static StatementKind kind(String sql) {
        return StatementClassifier.classify(sql);
    }

    private static <T> T as(Class<T> type, String sql) {
        return assertInstanceOf(type, kind(sql), sql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BEGIN|BEGIN", "begin work|BEGIN", "BEGIN TRANSACTION|BEGIN", "START TRANSACTION|START_TRANSACTION",
        "COMMIT|COMMIT", "END|COMMIT", "commit work|COMMIT", "END TRANSACTION|COMMIT",
        "ROLLBACK|ROLLBACK", "ABORT|ROLLBACK", "rollback transaction|ROLLBACK",
        "SAVEPOINT sp1|SAVEPOINT", "RELEASE sp1|RELEASE_SAVEPOINT", "RELEASE SAVEPOINT sp1|RELEASE_SAVEPOINT",
        "ROLLBACK TO sp1|ROLLBACK_TO_SAVEPOINT", "ROLLBACK WORK TO SAVEPOINT sp1|ROLLBACK_TO_SAVEPOINT"})
    void transactionControl(String sql, TransactionCommand command) {
        Transaction t = as(Transaction.class, sql);
        assertEquals(command, t.command());
        assertEquals(Category.TRANSACTION_CONTROL, t.category());
        if (sql.toLowerCase().contains("sp1")) assertEquals("sp1", t.savepoint());
    }

    @Test
    void transactionModesAndChain() {
        Transaction t = as(Transaction.class, "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY, NOT DEFERRABLE");
        assertEquals(new StatementKind.TransactionModes("repeatable read", true, false), t.modes());
        assertEquals(Boolean.FALSE, as(Transaction.class, "BEGIN READ WRITE").modes().readOnly());
        assertEquals(Boolean.FALSE, as(Transaction.class, "BEGIN READ WRITE READ ONLY").modes().readOnly(),
                "conflicting access modes read as the permissive one");
        assertEquals("serializable", as(Transaction.class, "begin isolation level serializable deferrable").modes().isolationLevel());
        assertTrue(as(Transaction.class, "COMMIT AND CHAIN").chain());
        assertFalse(as(Transaction.class, "ROLLBACK AND NO CHAIN").chain());
        assertEquals("My SP", as(Transaction.class, "SAVEPOINT \"My SP\"").savepoint());
        assertEquals("_exec_svp_0x15330b40", as(Transaction.class, "SAVEPOINT _EXEC_SVP_0x15330b40").savepoint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN ISOLATION LEVEL", "BEGIN READ", "BEGIN READ ONLY,", "COMMIT NOW", "SAVEPOINT",
        "SAVEPOINT select", "START", "ROLLBACK TO", "ABORT TO sp"})
    void malformedTransactionStatementsAreSyntaxErrors(String sql) {
        Refusal r = assertInstanceOf(Refusal.class, kind(sql), sql);
        assertEquals("42601", r.sqlState(), r.message());
    }

    @Test
    void twoPhaseCommitIsRefused() {
        for (String sql : List.of("PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'")) {
            Refusal r = assertInstanceOf(Refusal.class, kind(sql), sql);
            assertEquals("0A000", r.sqlState());
        }
    }

    @Test
    void setForms() {
        SessionSet app = as(SessionSet.class, "SET application_name = 'Metabase v0.55.1 [x]'");
        assertEquals(SetAction.SET, app.action());
        assertEquals(SetScope.DEFAULT, app.scope());
        assertEquals("application_name", app.name());
        assertEquals("'Metabase v0.55.1 [x]'", app.valueText());
        assertEquals(List.of("Metabase v0.55.1 [x]"), app.values());

        SessionSet digits = as(SessionSet.class, "set EXTRA_FLOAT_DIGITS to -3");
        assertEquals("extra_float_digits", digits.name());
        assertEquals(List.of("-3"), digits.values());

        SessionSet dateStyle = as(SessionSet.class, "SET \"DateStyle\" TO ISO, MDY");
        assertEquals("datestyle", dateStyle.name());
        assertEquals(List.of("iso", "mdy"), dateStyle.values());
        assertEquals("ISO, MDY", dateStyle.valueText());

        SessionSet local = as(SessionSet.class, "SET LOCAL statement_timeout = 0");
        assertEquals(SetScope.LOCAL, local.scope());
        assertEquals(SetScope.SESSION, as(SessionSet.class, "SET SESSION search_path TO public").scope());
        assertTrue(as(SessionSet.class, "SET search_path TO DEFAULT").toDefault());
        assertEquals("myext.setting", as(SessionSet.class, "SET myext.Setting = on").name());
        assertEquals(List.of("on"), as(SessionSet.class, "SET enable_seqscan = ON").values());
    }

    @Test
    void setSpecialForms() {
        SessionSet tz = as(SessionSet.class, "SET TIME ZONE 'Europe/Paris'");
        assertEquals("timezone", tz.name());
        assertEquals(List.of("Europe/Paris"), tz.values());
        assertTrue(as(SessionSet.class, "SET TIME ZONE LOCAL").toDefault());
        SessionSet interval = as(SessionSet.class, "SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE");
        assertEquals("INTERVAL '+02:00' HOUR TO MINUTE", interval.valueText());
        assertTrue(interval.values().isEmpty());
        assertEquals("client_encoding", as(SessionSet.class, "SET NAMES 'UTF8'").name());
        assertEquals("search_path", as(SessionSet.class, "SET SCHEMA 'public'").name());
        assertEquals("xmloption", as(SessionSet.class, "SET XML OPTION CONTENT").name());

        SessionSet characteristics = as(SessionSet.class,
                "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertEquals("session_characteristics", characteristics.name());
        assertEquals("read committed", characteristics.modes().isolationLevel());
        SessionSet tx = as(SessionSet.class, "SET TRANSACTION READ WRITE");
        assertEquals("transaction", tx.name());
        assertEquals(Boolean.FALSE, tx.modes().readOnly());
    }

    @Test
    void resetAndShow() {
        SessionSet all = as(SessionSet.class, "RESET ALL");
        assertEquals(SetAction.RESET, all.action());
        assertEquals("all", all.name());
        assertEquals("timezone", as(SessionSet.class, "RESET TIME ZONE").name());
        assertEquals("transaction_isolation", as(SessionSet.class, "show transaction isolation level").name());
        assertEquals("standard_conforming_strings", as(SessionSet.class, "show standard_conforming_strings").name());
        assertEquals("all", as(SessionSet.class, "SHOW ALL").name());
        assertEquals("session_authorization", as(SessionSet.class, "SHOW SESSION AUTHORIZATION").name());
        assertEquals(SetAction.SHOW, as(SessionSet.class, "SHOW search_path").action());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET ROLE admin", "SET LOCAL ROLE admin", "SET SESSION ROLE admin", "RESET ROLE",
        "SET SESSION AUTHORIZATION postgres", "SET LOCAL SESSION AUTHORIZATION postgres",
        "SET SESSION SESSION AUTHORIZATION DEFAULT", "RESET SESSION AUTHORIZATION", "set /**/ role \"x\""})
    void identityChangesAreRefusedWith42501(String sql) {
        Refusal r = assertInstanceOf(Refusal.class, kind(sql), sql);
        assertEquals(Category.OTHER_REFUSED, r.category());
        assertEquals("42501", r.sqlState());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET application_name = (SELECT secret FROM t)", "SET x = 1 + 1", "SET x",
        "SET x = ", "SET x = 'a',", "SET x = select", "SET x = $1", "SET x = f(1)", "SET x.y. = 1", "SHOW"})
    void setValuesMustBeSimple(String sql) {
        Refusal r = assertInstanceOf(Refusal.class, kind(sql), sql);
        assertEquals("42601", r.sqlState(), r.message());
    }

    @Test
    void discardAndDeallocate() {
        assertEquals(Category.DISCARD_ALL, kind("DISCARD ALL").category());
        assertEquals("0A000", assertInstanceOf(Refusal.class, kind("DISCARD PLANS")).sqlState());
        Deallocate named = as(Deallocate.class, "DEALLOCATE \"_PLAN0x1535fce0\"");
        assertEquals("_PLAN0x1535fce0", named.name());
        assertEquals(Category.DEALLOCATE, named.category());
        assertTrue(as(Deallocate.class, "DEALLOCATE PREPARE ALL").all());
        assertEquals("s1", as(Deallocate.class, "deallocate prepare S1").name());
    }

    @Test
    void declareCursorExposesItsBody() {
        String sql = "DECLARE \"srv\" CURSOR WITHOUT HOLD FOR select * from orders";
        DeclareCursor d = as(DeclareCursor.class, sql);
        assertEquals("srv", d.name());
        assertFalse(d.withHold());
        assertEquals("select * from orders", sql.substring(d.bodyOffset()));
        assertEquals("select", d.body().leadingKeyword());
        assertFalse(d.body().touchesCatalog());
        assertEquals(Category.CURSOR, d.category());

        DeclareCursor all = as(DeclareCursor.class, "DECLARE c BINARY INSENSITIVE NO SCROLL CURSOR WITH HOLD FOR (SELECT 1)");
        assertTrue(all.binary());
        assertTrue(all.insensitive());
        assertTrue(all.noScroll());
        assertTrue(all.withHold());
        assertTrue(as(DeclareCursor.class, "DECLARE c SCROLL CURSOR FOR TABLE pg_class").body().touchesCatalog());
    }

    @Test
    void declareCursorOverAWriteIsRefused() {
        assertEquals(Category.WRITE, kind("DECLARE c CURSOR FOR SELECT * FROM t FOR UPDATE").category());
        assertEquals(Category.WRITE, kind("DECLARE c CURSOR FOR WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").category());
        assertEquals("42601", assertInstanceOf(Refusal.class, kind("DECLARE c CURSOR FOR DELETE FROM t")).sqlState());
        assertEquals("42601", assertInstanceOf(Refusal.class, kind("DECLARE c CURSOR FOR")).sqlState());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FETCH FORWARD ALL FROM \"srv\"|FORWARD|1|true|srv",
        "FETCH FORWARD 100 FROM c|FORWARD|100|false|c",
        "fetch c|NEXT|1|false|c",
        "FETCH NEXT IN c|NEXT|1|false|c",
        "FETCH next|NEXT|1|false|next",
        "FETCH PRIOR FROM c|PRIOR|1|false|c",
        "FETCH ABSOLUTE -3 FROM c|ABSOLUTE|-3|false|c",
        "FETCH RELATIVE 2 c|RELATIVE|2|false|c",
        "FETCH 5 FROM c|FORWARD|5|false|c",
        "FETCH ALL c|FORWARD|1|true|c",
        "FETCH BACKWARD 2 FROM c|BACKWARD|2|false|c",
        "FETCH LAST FROM c|LAST|1|false|c",
        "MOVE FIRST IN c|FIRST|1|false|c"})
    void fetchAndMove(String sql, FetchDirection direction, long count, boolean all, String name) {
        FetchCursor f = as(FetchCursor.class, sql);
        assertEquals(direction, f.direction());
        assertEquals(count, f.count());
        assertEquals(all, f.all());
        assertEquals(name, f.cursorName());
        assertEquals(sql.startsWith("MOVE"), f.move());
    }

    @Test
    void close() {
        assertEquals("srv", as(CloseCursor.class, "CLOSE \"srv\"").name());
        assertTrue(as(CloseCursor.class, "CLOSE ALL").all());
        assertEquals("42601", assertInstanceOf(Refusal.class, kind("CLOSE")).sqlState());
    }

    @Test
    void syntaxRefusalsPointAtTheBadToken() {
        StatementKind.Refused r = assertInstanceOf(StatementKind.Refused.class, kind("  FROBNICATE t"));
        assertEquals("syntax error at or near \"FROBNICATE\"", r.message());
        assertEquals(2, r.position());
    }

    @Test
    void emptyStatements() {
        assertEquals(Category.EMPTY, kind("").category());
        assertEquals(Category.EMPTY, kind(" /* nothing */ -- here").category());
    }
}
