package dev.betweenrows.rewrite.classify;

import static dev.betweenrows.rewrite.classify.StatementClassifierTest.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.rewrite.classify.StatementKind.Category;
import dev.betweenrows.rewrite.classify.StatementKind.Query;
import dev.betweenrows.rewrite.classify.StatementKind.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries, writes, refused statements and catalog detection. */
class QueryClassificationTest {

    private static <T> T as(Class<T> type, String sql) {
        return assertInstanceOf(type, kind(sql), sql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "select * from customers|select",
        "/* x */ SeLeCt 1|select",
        "(SELECT 1) UNION (SELECT 2)|select",
        "((VALUES (1)))|values",
        "TABLE orders|table",
        "WITH t AS (SELECT * FROM orders) SELECT * FROM t|with",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r WHERE n < 5) SELECT * FROM r|with",
        "WITH x AS MATERIALIZED (SELECT 1) (SELECT * FROM x)|with",
        "SELECT substring(name FROM 1 FOR 3) FROM customers|select",
        "SELECT 'into; delete' AS \"into\", $$ FOR UPDATE $$ FROM t|select",
        "select id from orders where id > $1|select"})
    void readQueries(String sql, String leading) {
        Query q = as(Query.class, sql);
        assertEquals(leading, q.leadingKeyword());
        assertFalse(q.touchesCatalog(), () -> "catalog: " + q.catalogNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * INTO new_t FROM t|SELECT INTO",
        "select 1 into temp x|SELECT INTO",
        "SELECT * FROM t FOR UPDATE|SELECT FOR UPDATE",
        "SELECT * FROM t FOR NO KEY UPDATE NOWAIT|SELECT FOR NO KEY UPDATE",
        "SELECT * FROM t for share|SELECT FOR SHARE",
        "SELECT * FROM t FOR KEY SHARE SKIP LOCKED|SELECT FOR KEY SHARE",
        "(SELECT * FROM t FOR UPDATE)|SELECT FOR UPDATE",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d|DELETE",
        "WITH d AS NOT MATERIALIZED (UPDATE t SET a = 1 RETURNING a) SELECT 1|UPDATE",
        "WITH x AS (SELECT 1) DELETE FROM t|DELETE",
        "WITH x AS (SELECT 1) UPDATE t SET a = 1|UPDATE",
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x|INSERT",
        "SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s|DELETE",
        "INSERT INTO t VALUES (1)|INSERT",
        "update t set a = 1|UPDATE",
        "DELETE FROM t|DELETE",
        "MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE|MERGE",
        "TRUNCATE t|TRUNCATE",
        "COPY t FROM STDIN|COPY FROM",
        "CREATE TABLE x AS SELECT 1|CREATE TABLE",
        "create or replace function f() returns int as $$ select 1 $$ language sql|CREATE OR REPLACE FUNCTION",
        "ALTER SYSTEM SET x = 1|ALTER SYSTEM",
        "DROP TABLE customers|DROP TABLE",
        "GRANT SELECT ON t TO u|GRANT",
        "REVOKE ALL ON t FROM u|REVOKE",
        "COMMENT ON TABLE t IS 'x'|COMMENT ON TABLE",
        "VACUUM t|VACUUM", "ANALYZE t|ANALYZE", "analyse|ANALYSE", "CLUSTER t|CLUSTER", "REINDEX TABLE t|REINDEX TABLE",
        "REFRESH MATERIALIZED VIEW v|REFRESH MATERIALIZED VIEW", "SECURITY LABEL ON TABLE t IS 'x'|SECURITY LABEL ON TABLE",
        "IMPORT FOREIGN SCHEMA s FROM SERVER x INTO y|IMPORT FOREIGN SCHEMA", "REASSIGN OWNED BY a TO b|REASSIGN OWNED"})
    void writes(String sql, String command) {
        StatementKind.Write w = as(StatementKind.Write.class, sql);
        assertEquals(command, w.command());
        assertEquals("25006", w.sqlState());
        assertEquals("cannot execute " + command + " in a read-only transaction", w.message());
        assertEquals(Category.WRITE, w.category());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "COPY t TO STDOUT|0A000", "COPY (SELECT * FROM t) TO STDOUT|0A000",
        "DO $$ BEGIN PERFORM 1; END $$|0A000", "CALL p()|0A000", "LISTEN ch|0A000", "NOTIFY ch, 'x'|0A000",
        "UNLISTEN *|0A000", "LOCK TABLE t|0A000", "EXPLAIN SELECT * FROM t|0A000",
        "EXPLAIN ANALYZE SELECT 1|0A000", "PREPARE p AS SELECT 1|0A000", "EXECUTE p(1)|0A000",
        "LOAD 'plugin'|42501", "CHECKPOINT|42501",
        "FROBNICATE t|42601", "\"select\" 1|42601", "42|42601", "(DELETE FROM t)|42601", "()|42601"})
    void otherStatementsAreRefused(String sql, String sqlState) {
        Refusal r = assertInstanceOf(Refusal.class, kind(sql), sql);
        assertEquals(Category.OTHER_REFUSED, r.category());
        assertEquals(sqlState, r.sqlState(), r.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM pg_catalog.pg_class", "select relname from pg_class", "SELECT * FROM information_schema.tables",
        "SELECT * FROM \"pg_catalog\".\"pg_authid\"", "SELECT * FROM PG_CATALOG.PG_ROLES",
        "SELECT * FROM U&\"pg\\005fcatalog\".pg_roles", "SELECT 'orders'::regclass", "SELECT CAST('t' AS REGCLASS)",
        "SELECT version()", "select pg_catalog.version()", "select current_schema()", "select current_user",
        "select user", "SELECT session_user", "select current_catalog",
        "SELECT has_table_privilege('t', 'select')", "SELECT to_regclass('secret')", "SELECT inet_server_addr()",
        "SELECT currval('s')", "SELECT query_to_xml('select 1', true, true, '')", "SELECT * FROM public.pg_notes",
        "SELECT txid_current()", "SELECT lo_import('/etc/passwd')", "SELECT set_config('search_path', 'x', false)"})
    void catalogReferencesAreFlagged(String sql) {
        Query q = as(Query.class, sql);
        assertTrue(q.touchesCatalog(), sql);
        assertFalse(q.catalogNames().isEmpty());
    }

    @Test
    void ordinaryNamesThatLookLikeCatalogFunctionsAreNot() {
        Query q = as(Query.class, "SELECT version, \"user\", current_date, now() FROM schema_migrations");
        assertFalse(q.touchesCatalog(), () -> q.catalogNames().toString());
        assertEquals(java.util.Set.of("version"), as(Query.class, "SELECT version()").catalogNames());
    }
}
