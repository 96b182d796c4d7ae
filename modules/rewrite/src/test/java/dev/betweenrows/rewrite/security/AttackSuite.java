package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.rewrite.CalciteQueryGuardProvider;
import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs attacks through the real guard (from {@link CalciteQueryGuardProvider}) and, when the guard forwards, runs
 * the rewritten SQL on a real PostgreSQL in a read-only session, as the proxy's (superuser) upstream role would.
 * {@link #assertNoLeak} checks results, error messages and hints for hidden data, hidden names and policy names.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttackSuite {

    /** What one attack produced: the guard's decision and, if forwarded, upstream's rows or error. */
    record Outcome(String sql, GuardDecision decision, List<String> rows, String errorState, String errorMessage) {
        boolean refused() { return decision instanceof Refuse; }

        Refuse refusal() {
            assertInstanceOf(Refuse.class, decision, () -> sql + " was not refused: " + this);
            return (Refuse) decision;
        }

        String rewritten() {
            assertInstanceOf(Forward.class, decision, () -> sql + " was not forwarded: " + decision);
            return ((Forward) decision).rewrittenSql();
        }

        /** The rows, requiring that the guard forwarded and upstream answered without error. */
        List<String> ok() {
            assertInstanceOf(Forward.class, decision, () -> sql + " was not forwarded: " + decision);
            assertEquals(null, errorState, () -> sql + " failed upstream: " + errorState + " " + errorMessage
                    + "\n  rewritten: " + rewritten());
            return rows;
        }

        /** Refused by the guard or failed upstream: never rows. */
        boolean failed() { return refused() || errorState != null; }

        String visibleText() {
            StringBuilder all = new StringBuilder(String.join("\n", rows == null ? List.of() : rows));
            if (decision instanceof Refuse r) all.append('\n').append(r.message()).append('\n').append(r.hint());
            if (decision instanceof AnswerLocally a) all.append('\n').append(a.rows());
            if (errorMessage != null) all.append('\n').append(errorMessage);
            return all.toString();
        }
    }

    protected final PostgresServer pg;
    protected final QueryGuard guard = new CalciteQueryGuardProvider()
            .create(new GuardContext("15.18", 200, java.util.Map.of("search_path", "public")));
    private Connection connection;

    AttackSuite(PostgresServer pg) {
        this.pg = pg;
    }

    @BeforeAll
    void open() throws SQLException {
        AttackLab.seed(pg);
        connection = pg.connect(AttackLab.DB);
        try (Statement s = connection.createStatement()) {
            // As the wire's upstream session: read-only, the proxy's fixed search_path.
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            s.execute("SET search_path = public");
            s.execute("SET statement_timeout = '20s'");
        }
    }

    @AfterAll
    void close() throws SQLException {
        if (connection != null) connection.close();
    }

    Outcome attack(String sql) {
        return attack(AttackLab.alice(), sql);
    }

    Outcome attack(GuardSession session, String sql) {
        GuardDecision d = guard.check(new GuardRequest(session, Protocol.SIMPLE, sql, List.of()));
        if (!(d instanceof Forward f)) return new Outcome(sql, d, null, null, null);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(f.rewrittenSql())) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(row.toString());
            }
            return new Outcome(sql, d, rows, null, null);
        } catch (SQLException e) {
            return new Outcome(sql, d, null, e.getSQLState(), e.getMessage());
        }
    }

    /** Column names of the forwarded query's result (runs it with LIMIT 0 semantics via the driver). */
    List<String> columns(Outcome o) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(o.rewritten())) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) names.add(rs.getMetaData().getColumnName(i));
            return names;
        }
    }

    /** No marker of hidden data, no policy name or id, and no hidden name the attacker did not write. */
    static Outcome assertNoLeak(Outcome o) {
        String text = o.visibleText();
        for (String marker : AttackLab.SECRET_MARKERS) {
            assertFalse(text.contains(marker), () -> "leaked " + marker + " via " + o.sql() + "\n" + text);
        }
        for (Policy p : AttackLab.standardPolicies()) {
            assertFalse(text.contains(p.name()) || text.contains(p.id()), () -> "named policy " + p.name() + ": " + text);
        }
        String written = o.sql().toLowerCase(Locale.ROOT);
        if (o.decision() instanceof Refuse || o.errorMessage() != null) {
            String message = text.toLowerCase(Locale.ROOT);
            for (String name : AttackLab.HIDDEN_NAMES) {
                assertFalse(message.contains(name) && !written.contains(name),
                        () -> "error names hidden " + name + ": " + text);
            }
        }
        return o;
    }

    static void assertRows(Outcome o, String... expected) {
        List<String> actual = new ArrayList<>(o.ok());
        List<String> wanted = new ArrayList<>(Arrays.asList(expected));
        actual.sort(null);
        wanted.sort(null);
        assertEquals(wanted, actual, () -> o.sql() + "\n  rewritten: " + o.rewritten());
        assertNoLeak(o);
    }

    /** Refused with this state and message (and nothing hidden in it). */
    static Refuse assertRefused(Outcome o, String state, String message) {
        Refuse r = o.refusal();
        assertEquals(state, r.sqlState(), () -> o.sql() + " → " + r);
        if (message != null) assertEquals(message, r.message(), () -> o.sql() + " → " + r);
        assertNoLeak(o);
        return r;
    }

    /** A hidden relation answers exactly like a missing one (same state, same message shape). */
    void assertLooksMissing(GuardSession session, String sql, String hiddenName) {
        Outcome hidden = attack(session, sql);
        String missingName = "nosuch_" + hiddenName.replace('.', '_');
        Outcome missing = attack(session, sql.replace(hiddenName, missingName));
        Refuse h = hidden.refusal();
        Refuse m = missing.refusal();
        assertEquals(m.sqlState(), h.sqlState(), () -> h + " vs " + m);
        assertEquals(m.message().replace(missingName, hiddenName), h.message());
        assertEquals(m.position(), h.position());
        assertNotNull(h.message());
        assertNoLeak(hidden);
    }

    /** Refused, or answered in-process from the emulated catalog: either way nothing was forwarded. */
    static void assertUpstreamNeverRan(Outcome o) {
        assertTrue(o.refused() || o.decision() instanceof dev.betweenrows.policy.GuardDecision.AnswerLocally,
                () -> o.sql() + " reached upstream: " + o.decision());
    }
}
