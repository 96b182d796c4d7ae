package dev.betweenrows.rewrite.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.rewrite.guard.CalciteQueryGuard;
import dev.betweenrows.rewrite.guard.Shop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The user function policy through the real guard: what BI tools emit passes, everything else is refused. */
class FunctionPolicyTest {
    private final CalciteQueryGuard guard = Shop.guard();

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT date_trunc('month', created_at) AS m, count(DISTINCT id) FROM orders GROUP BY 1 ORDER BY 1",
        "SELECT coalesce(status, 'none'), to_char(created_at, 'YYYY-MM') FROM orders",
        "SELECT extract(year FROM created_at), date_part('month', created_at) FROM orders",
        "SELECT status, string_agg(tenant, ',' ORDER BY tenant) FROM orders GROUP BY status",
        "SELECT id, row_number() OVER (PARTITION BY status ORDER BY amount DESC) FROM orders",
        "SELECT id, lag(amount) OVER (ORDER BY id), sum(amount) OVER () FROM orders",
        "SELECT cast(amount AS int), amount::numeric(10,1), round(amount, 1), abs(amount) FROM orders",
        "SELECT upper(name), lower(email), length(ssn), substring(name FROM 1 FOR 3), trim(both ' ' FROM name) FROM customers",
        "SELECT nullif(status, ''), greatest(amount, 1), least(amount, 2), CASE WHEN amount > 1 THEN 'x' END FROM orders",
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount), count(*) FILTER (WHERE amount > 5) FROM orders",
        "SELECT json_build_object('id', id), row_to_json(c) FROM customers c",
        "SELECT now(), current_date, age(created_at), split_part(email, '@', 2), replace(name, 'a', 'b') FROM customers",
        "SELECT * FROM generate_series(1, 3) g",
        "SELECT pg_sleep(1)",
        "SELECT pg_sleep(5)",
        "SELECT current_setting('TimeZone')",
        "SELECT current_setting('datestyle', true)",
    })
    void businessIntelligenceFunctionsPass(String sql) {
        GuardDecision d = Shop.check(guard, sql);
        assertInstanceOf(Forward.class, d, () -> sql + " → " + d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        SELECT dblink('host=x', 'select 1')                        | function dblink(unknown, unknown) does not exist
        SELECT dblink_exec('x', 'drop table t')                    | function dblink_exec(unknown, unknown) does not exist
        SELECT query_to_xml('select * from secrets', true, true, '') | function query_to_xml(unknown, boolean, boolean, unknown) does not exist
        SELECT table_to_xml('secrets', true, true, '')             | function table_to_xml(unknown, boolean, boolean, unknown) does not exist
        SELECT cursor_to_xml('c', 10, true, true, '')              | function cursor_to_xml(unknown, integer, boolean, boolean, unknown) does not exist
        SELECT lo_import('/etc/passwd')                            | function lo_import(unknown) does not exist
        SELECT lo_export(1, '/tmp/x')                              | function lo_export(integer, unknown) does not exist
        SELECT set_config('search_path', 'analytics', false)       | function set_config(unknown, unknown, boolean) does not exist
        SELECT setseed(0.5)                                        | function setseed(numeric) does not exist
        SELECT nextval('orders_id_seq')                            | function nextval(unknown) does not exist
        SELECT txid_current()                                      | function txid_current() does not exist
        SELECT pg_read_file('/etc/passwd')                         | function pg_read_file(unknown) does not exist
        SELECT pg_read_binary_file('/etc/passwd')                  | function pg_read_binary_file(unknown) does not exist
        SELECT pg_ls_dir('.')                                      | function pg_ls_dir(unknown) does not exist
        SELECT pg_stat_file('postgresql.conf')                     | function pg_stat_file(unknown) does not exist
        SELECT pg_terminate_backend(4242)                          | function pg_terminate_backend(integer) does not exist
        SELECT pg_cancel_backend(4242)                             | function pg_cancel_backend(integer) does not exist
        SELECT pg_advisory_lock(1)                                 | function pg_advisory_lock(integer) does not exist
        SELECT pg_try_advisory_xact_lock(1, 2)                     | function pg_try_advisory_xact_lock(integer, integer) does not exist
        SELECT pg_reload_conf()                                    | function pg_reload_conf() does not exist
        SELECT pg_rotate_logfile()                                 | function pg_rotate_logfile() does not exist
        SELECT pg_notify('ch', 'x')                                | function pg_notify(unknown, unknown) does not exist
        SELECT pg_sleep_for('1 hour')                              | function pg_sleep_for(unknown) does not exist
        SELECT public.audit_fn(id) FROM orders                     | function public.audit_fn(unknown) does not exist
        SELECT my_udf(1.5, NULL) FROM orders                       | function my_udf(numeric, unknown) does not exist
        SELECT id FROM orders WHERE leak(amount, tenant)           | function leak(unknown, unknown) does not exist
        SELECT * FROM dblink('x', 'select 1') t                    | function dblink(unknown, unknown) does not exist
        SELECT id FROM orders WHERE id IN (SELECT my_udf(3000000000)) | function my_udf(bigint) does not exist
        """)
    void dangerousAndUnknownFunctionsLookMissing(String sql, String message) {
        Refuse r = refused(sql, "42883");
        assertEquals(message, r.message());
        assertEquals(FunctionPolicy.HINT, r.hint());
    }

    @Test
    void positionPointsAtTheCall() {
        Refuse r = refused("SELECT id, dblink('x', 'y') FROM orders", "42883");
        assertEquals(12, r.position());
        // also after a statement prefix: DECLARE c CURSOR FOR …
        Refuse d = refused("DECLARE c CURSOR FOR SELECT lo_import('/etc/passwd')", "42883");
        assertEquals(29, d.position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        SELECT pg_sleep(6)                          | permission denied for function pg_sleep
        SELECT pg_sleep(3600)                       | permission denied for function pg_sleep
        SELECT pg_sleep(amount) FROM orders         | permission denied for function pg_sleep
        SELECT pg_sleep(1 + 100)                    | permission denied for function pg_sleep
        SELECT current_setting('data_directory')    | permission denied for function current_setting
        SELECT current_setting('server_version')    | permission denied for function current_setting
        SELECT current_setting(status) FROM orders  | permission denied for function current_setting
        """)
    void boundedBuiltInsBeyondTheirBound(String sql, String message) {
        assertEquals(message, refused(sql, "42501").message());
    }

    @Test
    void translateIsAllowedThoughCalciteCallsItTranslate3() {
        GuardDecision d = Shop.check(guard, "SELECT translate(name, 'aeiou', 'AEIOU') FROM products");
        assertEquals("SELECT pg_catalog.translate(name, 'aeiou', 'AEIOU')"
                + " FROM (SELECT id, name, category, price FROM public.products) AS products", ((Forward) d).rewrittenSql());
    }

    @Test
    void allowedCallsArePinnedToPgCatalogAndSpecialFormsAreLeftAlone() {
        GuardDecision d = Shop.check(guard, "SELECT lower(name), \"upper\"(name), coalesce(name, 'x'), count(*) OVER (),"
                + " extract(year FROM now()), substring(name FROM 2), cast(id AS text), substring(name, 2, 1) FROM products");
        assertEquals("SELECT pg_catalog.lower(name), pg_catalog.\"upper\"(name), coalesce(name, 'x'),"
                + " pg_catalog.count(*) OVER (), extract(year FROM pg_catalog.now()), substring(name FROM 2),"
                + " cast(id AS text), pg_catalog.substring(name, 2, 1)"
                + " FROM (SELECT id, name, category, price FROM public.products) AS products",
                ((Forward) d).rewrittenSql());
    }

    @Test
    void parenthesisedCallsArePinnedToo() {
        // The parser's position of (lower(name)) starts at the parenthesis; the pin goes before the name.
        GuardDecision d = Shop.check(guard, "SELECT (lower(name)), ((abs(id)))::text FROM products, generate_series((abs(1)), 2) g");
        assertEquals("SELECT (pg_catalog.lower(name)), ((pg_catalog.abs(id)))::text FROM (SELECT id, name, category, price"
                + " FROM public.products) AS products, pg_catalog.generate_series((pg_catalog.abs(1)), 2) g",
                ((Forward) d).rewrittenSql());
        Refuse r = refused("SELECT (dblink('x'))", "42883");
        assertEquals(9, r.position());
    }

    @Test
    void unnestInFromIsPinnedToo() {
        // Calcite reads unnest in FROM as its own UNNEST operator, upstream it is an ordinary function call.
        GuardDecision d = Shop.check(guard, "SELECT u FROM unnest(ARRAY[1, 2]) AS u, UNNEST(ARRAY['a']) WITH ORDINALITY AS x(v, n)");
        assertEquals("SELECT u FROM pg_catalog.unnest(ARRAY[1, 2]) AS u, pg_catalog.UNNEST(ARRAY['a']) WITH ORDINALITY AS x(v, n)",
                ((Forward) d).rewrittenSql());
    }

    @Test
    void relationErrorsComeBeforeFunctionErrors() {
        // Like PostgreSQL: FROM is analysed first; and a hidden table stays indistinguishable from a missing one.
        assertEquals("relation \"secrets\" does not exist", refused("SELECT my_udf(id) FROM secrets", "42P01").message());
        assertEquals("relation \"nosuch\" does not exist", refused("SELECT my_udf(id) FROM nosuch", "42P01").message());
    }

    private Refuse refused(String sql, String state) {
        GuardDecision d = Shop.check(guard, sql);
        assertInstanceOf(Refuse.class, d, () -> sql + " → " + d);
        Refuse r = (Refuse) d;
        assertEquals(state, r.sqlState(), () -> sql + " → " + r);
        return r;
    }
}
