package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard hands session and transaction control to the wire with the operands the classifier parsed. */
class SessionControlArgsTest {
    private final CalciteQueryGuard guard = Shop.guard();

    private SessionControl control(String sql) {
        return assertInstanceOf(SessionControl.class, Shop.check(guard, sql), sql);
    }

    @Test
    void savepointsCarryTheirFoldedOrQuotedName() {
        SessionControl sp = control("SAVEPOINT Sp1");
        assertEquals(ControlKind.SAVEPOINT, sp.kind());
        assertEquals("sp1", sp.args().name());
        assertEquals("My SP", control("RELEASE SAVEPOINT \"My SP\"").args().name());
        assertEquals(ControlKind.RELEASE_SAVEPOINT, control("RELEASE sp1").kind());
        SessionControl back = control("ROLLBACK TO SAVEPOINT sp1");
        assertEquals(ControlKind.ROLLBACK_TO_SAVEPOINT, back.kind());
        assertEquals("sp1", back.args().name());
    }

    @Test
    void transactionModes() {
        ControlArgs begin = control("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY, DEFERRABLE").args();
        assertTrue(begin.parsed());
        assertEquals("repeatable read", begin.isolationLevel());
        assertEquals(Boolean.TRUE, begin.readOnly());
        assertEquals(Boolean.TRUE, begin.deferrable());
        assertEquals(Boolean.FALSE, control("START TRANSACTION READ WRITE").args().readOnly());
        SessionControl setTx = control("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertEquals("transaction", setTx.setting());
        assertEquals("serializable", setTx.args().isolationLevel());
        SessionControl chars = control("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        assertEquals("session_characteristics", chars.setting());
        assertEquals(Boolean.TRUE, chars.args().readOnly());
        assertEquals(ControlArgs.NONE, control("COMMIT").args());
    }

    @Test
    void andChainIsRefused() {
        GuardDecision d = Shop.check(guard, "COMMIT AND CHAIN");
        assertEquals("0A000", assertInstanceOf(GuardDecision.Refuse.class, d).sqlState());
    }

    @Test
    void setValuesLocalAndDefault() {
        SessionControl set = control("SET LOCAL statement_timeout = '5s'");
        assertEquals("statement_timeout", set.setting());
        assertEquals(List.of("5s"), set.args().values());
        assertTrue(set.args().local());
        assertTrue(control("SET DateStyle TO DEFAULT").args().toDefault());
        assertEquals(List.of("ISO", "mdy"), control("SET DateStyle = 'ISO', 'mdy'").args().values());
        SessionControl reset = control("RESET TimeZone");
        assertEquals(ControlKind.RESET, reset.kind());
        assertEquals("timezone", reset.setting());
    }

    @Test
    void cursorMovement() {
        ControlArgs f = control("FETCH FORWARD 50 FROM c1").args();
        assertEquals("FORWARD", f.direction());
        assertEquals(50, f.count());
        assertEquals("c1", f.name());
        ControlArgs all = control("FETCH ALL IN c1").args();
        assertTrue(all.all());
        SessionControl move = control("MOVE ABSOLUTE -2 c1");
        assertEquals(ControlKind.MOVE, move.kind());
        assertEquals("ABSOLUTE", move.args().direction());
        assertEquals(-2, move.args().count());
        assertEquals("NEXT", control("FETCH c1").args().direction());
        ControlArgs closeAll = control("CLOSE ALL").args();
        assertTrue(closeAll.all());
        assertNull(closeAll.name());
        assertEquals("c1", control("CLOSE c1").args().name());
        assertTrue(control("DEALLOCATE ALL").args().all());
        assertEquals("s1", control("DEALLOCATE PREPARE s1").args().name());
    }

    @Test
    void splitKeepsEachStatementsExactText() {
        assertEquals(List.of("SELECT 1", " select $$a;b$$", " /* x; */ SELECT 'c;d'"),
                guard.split("SELECT 1; select $$a;b$$; /* x; */ SELECT 'c;d';"));
        assertEquals(List.of(" "), guard.split(" "));
        String broken = "SELECT 1; SELECT 'unterminated";
        assertEquals(List.of(broken), guard.split(broken));
        GuardDecision d = Shop.check(guard, broken);
        assertEquals("42601", assertInstanceOf(GuardDecision.Refuse.class, d).sqlState());
    }

    /** The tokens kept from split() serve only the very string that was split, whatever is checked next. */
    @Test
    void aCheckAfterASplitDecidesOnItsOwnText() {
        String begin = "BEGIN READ ONLY";
        assertEquals(List.of(begin), guard.split(begin));
        assertEquals(ControlKind.COMMIT, control("COMMIT").kind());   // another text: not the kept tokens
        assertEquals(List.of(begin), guard.split(begin));
        assertEquals(Boolean.FALSE, control(new String("BEGIN READ WRITE")).args().readOnly());
        assertEquals(List.of(begin), guard.split(begin));
        SessionControl same = control(begin);
        assertEquals(ControlKind.BEGIN, same.kind());
        assertEquals(Boolean.TRUE, same.args().readOnly());
        assertEquals(ControlKind.ROLLBACK, control("ROLLBACK").kind());   // and they are used once only
    }

    @Test
    void extendedProtocolRefusesSeveralStatementsLikePostgres() {
        GuardDecision d = guard.check(new GuardRequest(Shop.session(), Protocol.EXTENDED, "SELECT 1; SELECT 2",
                List.of()));
        GuardDecision.Refuse r = assertInstanceOf(GuardDecision.Refuse.class, d);
        assertEquals("42601", r.sqlState());
        assertEquals("cannot insert multiple commands into a prepared statement", r.message());
    }
}
