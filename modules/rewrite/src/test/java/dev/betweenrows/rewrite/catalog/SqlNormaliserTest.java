package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PostgreSQL syntax clients send, rewritten into what Calcite parses with PostgreSQL's meaning. */
class SqlNormaliserTest {
    private static final SessionFacts FACTS = new SessionFacts("alice", 1, "shop", "v", List.of("public"),
            Map.of("orders", 42), Set.of(42));

    private static String n(String sql) throws SqlNormaliser.NotNormalisable {
        return SqlNormaliser.normalise(sql, List.of(), FACTS);
    }

    @Test
    void aCastBindsToItsOperandOnly() throws Exception {
        assertEquals("select 1 where a = ( b :: integer )", n("SELECT 1 WHERE a = b::oid"));
        assertEquals("select 1 where a = ( ( f ( x , 'y' ) :: integer ) :: integer )",
                n("SELECT 1 WHERE a = pg_catalog.f(x, 'y')::regclass::oid"));
        assertEquals("select ( c . x :: varchar ) , ( 'it''s' :: varchar )", n("SELECT c.x::text, 'it''s'::text"));
        assertEquals("select case when a then ( 'x' :: varchar ) else ( ( a + 1 ) :: varchar ) end",
                n("SELECT CASE WHEN a THEN 'x'::text ELSE (a + 1)::text END"));
        assertEquals("select ( case when a then 1 else 2 end :: varchar )", n("SELECT CASE WHEN a THEN 1 ELSE 2 END::text"));
        assertEquals("select ( x [ 1 ] :: integer )", n("SELECT x[1]::int4"));
        assertEquals("select ( array ( select 1 ) :: integer array )", n("SELECT ARRAY(SELECT 1)::oid[]"));
    }

    @Test
    void regclassAndRegprocLiteralsBecomeOids() throws Exception {
        assertEquals("select 42", n("SELECT 'orders'::regclass"));
        assertEquals("select 1 where typinput = 750", n("SELECT 1 WHERE typinput = 'pg_catalog.array_in'::regproc"));
        assertEquals("42P01", assertThrows(SqlNormaliser.NotNormalisable.class, () -> n("SELECT 'secrets'::regclass")).sqlState);
        assertEquals("42883", assertThrows(SqlNormaliser.NotNormalisable.class, () -> n("SELECT 'nosuch'::regproc")).sqlState);
    }

    @Test
    void setReturningSeriesInFromAndReservedAliases() throws Exception {
        assertEquals("select r from UNNEST(pg_integer_series ( 1 , 3 ) ) as s ( r )",
                n("SELECT r FROM generate_series(1, 3) AS s(r)"));
        assertEquals("select ( select 1 ) as \"default\"", n("SELECT (SELECT 1) AS DEFAULT"));
    }
}
