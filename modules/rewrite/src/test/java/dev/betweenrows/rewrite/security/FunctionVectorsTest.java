package dev.betweenrows.rewrite.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PostgresServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function vectors (A98–A103, F33): functions that run SQL text, touch files, the network, large objects, server
 * or session state or other sessions, and upstream user-defined functions and views, run through the guard with
 * the proxy's powerful upstream role on the other side. None may reach upstream.
 */
class FunctionVectorsTest extends AttackSuite {

    FunctionVectorsTest(PostgresServer pg) {
        super(pg);
    }

    private void refusedLikeMissingFunction(String... sqls) {
        for (String sql : sqls) {
            Outcome o = assertNoLeak(attack(sql));
            assertUpstreamNeverRan(o);
            assertEquals("42883", o.refusal().sqlState(), () -> sql + " → " + o.decision());
        }
    }

    @Test void a98_functionsThatRunSqlText() {
        refusedLikeMissingFunction("SELECT query_to_xml('select * from secrets', true, true, '')",
                "SELECT id, query_to_xml('select value from secrets', true, false, '') FROM orders",
                "SELECT table_to_xml('secrets', true, true, '')", "SELECT cursor_to_xml('c', 1, true, true, '')",
                "SELECT database_to_xml(true, true, '')", "SELECT schema_to_xml('analytics', true, true, '')",
                "SELECT query_to_xml_and_xmlschema('select 1', true, true, '')");
    }

    @Test void a99_dblink() {
        refusedLikeMissingFunction("SELECT dblink('dbname=attack_lab', 'select value from secrets')",
                "SELECT * FROM dblink('dbname=attack_lab', 'select 1') AS t", "SELECT dblink_exec('x', 'DROP TABLE orders')",
                "SELECT dblink_connect('x')");
    }

    @Test void a100_upstreamUserDefinedFunction() {
        refusedLikeMissingFunction("SELECT leak(name) FROM customers", "SELECT public.leak(note) FROM orders",
                "SELECT id FROM orders WHERE leak(note) IS NOT NULL", "SELECT \"leak\"(name) FROM customers");
    }

    @Test void a101_filesAndLargeObjects() {
        refusedLikeMissingFunction("SELECT pg_read_file('/etc/passwd')", "SELECT pg_read_binary_file('postgresql.conf')",
                "SELECT pg_ls_dir('.')", "SELECT pg_stat_file('PG_VERSION')", "SELECT lo_import('/etc/passwd')",
                "SELECT lo_export(1, '/tmp/x')", "SELECT lo_get(1)", "SELECT loread(lo_open(1, 262144), 10)",
                "SELECT pg_read_file('/etc/passwd', 0, 100) FROM orders");
    }

    @Test void a102_serverSessionAndOtherSessions() {
        refusedLikeMissingFunction("SELECT pg_terminate_backend(1)", "SELECT pg_cancel_backend(1)",
                "SELECT pg_advisory_lock(1)", "SELECT pg_try_advisory_lock(1)", "SELECT pg_advisory_unlock_all()",
                "SELECT pg_reload_conf()", "SELECT pg_rotate_logfile()", "SELECT pg_notify('c', 'x')",
                "SELECT set_config('row_security', 'off', false)", "SELECT nextval('s')", "SELECT setseed(0)",
                "SELECT txid_current()", "SELECT pg_current_xact_id()", "SELECT pg_switch_wal()");
        for (String sql : List.of("SELECT pg_sleep(3600)", "SELECT pg_sleep(amount) FROM orders",
                "SELECT current_setting('data_directory')", "SELECT current_setting('hba_file')")) {
            Outcome o = assertNoLeak(attack(sql));
            assertUpstreamNeverRan(o);
            assertEquals("42501", o.refusal().sqlState(), sql);
        }
        assertRows(attack("SELECT pg_sleep(0)"), "");
    }

    @Test void a103_upstreamViewOutsideTheCatalog() {
        assertLooksMissing(AttackLab.alice(), "SELECT * FROM all_orders", "all_orders");
    }

    @Test void f33_allowlistedNamesStillRunTheBuiltIn() {
        assertRows(attack("SELECT lower(name) FROM customers WHERE id = 1"), "ann");
        // Upstream has public.lower(integer) and public.round(text): unqualified, PostgreSQL would pick them.
        for (String sql : List.of("SELECT lower(42)", "SELECT round(note) FROM orders WHERE id = 1",
                "SELECT substring(id, 1, 1) FROM orders", "SELECT \"lower\"(id) FROM orders",
                "SELECT id FROM orders WHERE lower(id) = 'UDF-RAN'", "SELECT (lower(42))",
                "SELECT id FROM orders WHERE ((lower(id))) = 'UDF-RAN'", "SELECT * FROM unnest(ARRAY[1, 2])",
                "SELECT u FROM unnest(ARRAY[1, 2]) AS u", "SELECT unnest(ARRAY[1, 2])")) {
            Outcome o = assertNoLeak(attack(sql));
            assertTrue(o.failed() || o.ok().stream().noneMatch(r -> r.contains("UDF-RAN")), () -> sql + " ran " + o.rows());
        }
        // A built-in the server may lack (any_value is PostgreSQL 16+) must not fall through to public.any_value.
        Outcome o = attack("SELECT any_value(id) FROM orders");
        assertTrue(o.failed() || !o.ok().contains("UDF-RAN"), () -> "ran " + o.rows());
    }
}
