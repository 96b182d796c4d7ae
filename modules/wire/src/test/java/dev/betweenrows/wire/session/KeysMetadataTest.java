package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys through real clients (pgjdbc DatabaseMetaData, SQLAlchemy's inspector over psycopg2) against the proxy and a
 * real upstream, for two users with different policies: a key is shown only when all its columns are visible, a
 * foreign key only when both ends are.
 */
@WithPostgres
class KeysMetadataTest {
    static KeyedFixture fixture;

    @BeforeAll
    static void start(PostgresServer pg) {
        fixture = new KeyedFixture(pg, "keyedmeta");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void primaryKeysOnlyWhenEveryKeyColumnIsVisible() throws Exception {
        try (Connection alice = fixture.connect("alice"); Connection bob = fixture.connect("bob")) {
            Function<ResultSet, String> pk = rs -> str(rs, "COLUMN_NAME") + ":" + str(rs, "KEY_SEQ") + ":" + str(rs, "PK_NAME");
            assertEquals(List.of("id:1:orders_pkey", "line:2:orders_pkey"),
                    rows(alice.getMetaData().getPrimaryKeys(null, "public", "orders"), pk));
            assertEquals(List.of("id:1:orders_pkey", "line:2:orders_pkey"),
                    rows(alice.getMetaData().getPrimaryKeys(null, null, "orders"), pk));
            assertEquals(List.of(), rows(bob.getMetaData().getPrimaryKeys(null, "public", "orders"), pk),
                    "orders.line is hidden from bob, so the key is not shown at all");
            assertEquals(List.of("id:1:customers_pkey"),
                    rows(bob.getMetaData().getPrimaryKeys(null, "public", "customers"), pk));
            assertEquals(List.of(), rows(alice.getMetaData().getPrimaryKeys(null, "public", "secrets"), pk),
                    "a hidden table has no keys");
        }
    }

    @Test
    void foreignKeysOnlyWhenBothEndsAreVisible() throws Exception {
        Function<ResultSet, String> fk = rs -> str(rs, "FKTABLE_NAME") + "." + str(rs, "FKCOLUMN_NAME") + "->"
                + str(rs, "PKTABLE_NAME") + "." + str(rs, "PKCOLUMN_NAME") + ":" + str(rs, "FK_NAME") + ":"
                + str(rs, "PK_NAME") + ":" + str(rs, "KEY_SEQ");
        try (Connection alice = fixture.connect("alice"); Connection bob = fixture.connect("bob")) {
            assertEquals(List.of("orders.customer_id->customers.id:orders_customer_id_fkey:customers_pkey:1"),
                    rows(alice.getMetaData().getImportedKeys(null, "public", "orders"), fk),
                    "the foreign key to the denied table secrets is absent");
            assertEquals(List.of("orders.customer_id->customers.id:orders_customer_id_fkey:customers_pkey:1",
                    "orders.secret_id->secrets.id:orders_secret_id_fkey:secrets_pkey:1"),
                    rows(bob.getMetaData().getImportedKeys(null, "public", "orders"), fk));
            assertEquals(List.of("orders.customer_id->customers.id:orders_customer_id_fkey:customers_pkey:1"),
                    rows(alice.getMetaData().getExportedKeys(null, "public", "customers"), fk));
            assertEquals(List.of(), rows(alice.getMetaData().getExportedKeys(null, "public", "secrets"), fk));
            assertEquals(List.of("orders.customer_id->customers.id:orders_customer_id_fkey:customers_pkey:1"),
                    rows(alice.getMetaData().getCrossReference(null, "public", "customers", null, "public", "orders"), fk));
        }
    }

    @Test
    void uniqueIndexesWithVisibleColumnsOnly() throws Exception {
        Function<ResultSet, String> ix = rs -> str(rs, "INDEX_NAME") + ":" + str(rs, "ORDINAL_POSITION") + ":"
                + str(rs, "COLUMN_NAME") + ":" + str(rs, "NON_UNIQUE");
        try (Connection alice = fixture.connect("alice"); Connection bob = fixture.connect("bob")) {
            assertEquals(List.of("orders_cust_ui:1:customer_id:f", "orders_cust_ui:2:line:f",
                    "orders_pkey:1:id:f", "orders_pkey:2:line:f"),
                    rows(alice.getMetaData().getIndexInfo(null, "public", "orders", false, true), ix));
            assertEquals(List.of(), rows(bob.getMetaData().getIndexInfo(null, "public", "orders", true, true), ix));
            assertEquals(List.of("customers_pkey:1:id:f"),
                    rows(bob.getMetaData().getIndexInfo(null, "public", "customers", false, true), ix),
                    "the unique key on the hidden ssn is not shown");
        }
    }

    @Test
    void psqlDescribeListsVisibleIndexesOnly() throws Exception {
        String alice = describe("alice", "orders");
        assertTrue(alice.contains("\"orders_pkey\" PRIMARY KEY, btree (id, line)"), alice);
        assertTrue(alice.contains("\"orders_cust_ui\" UNIQUE CONSTRAINT, btree (customer_id, line)")
                || alice.contains("\"orders_cust_ui\" UNIQUE, btree (customer_id, line)"), alice);
        String bob = describe("bob", "orders");
        assertTrue(bob.contains("customer_id") && !bob.contains("Indexes:"), bob);
    }

    @Test
    void sqlalchemyInspectorSeesTheSameKeys() throws Exception {
        String python = pythonWithSqlAlchemy();
        Assumptions.assumeTrue(python != null, "no python3 with SQLAlchemy and psycopg2 (Debian python3-sqlalchemy)");
        String script = String.join("\n",
                "import sys, json, sqlalchemy as sa",
                "e = sa.create_engine('postgresql+psycopg2://%s:%s@127.0.0.1:%s/%s?sslmode=disable' % tuple(sys.argv[1:5]))",
                "i = sa.inspect(e)",
                "fks = sorted((f['name'], tuple(f['constrained_columns']), f['referred_table'], tuple(f['referred_columns']))"
                        + " for f in i.get_foreign_keys('orders'))",
                "print(json.dumps({'pk': i.get_pk_constraint('orders'), 'fks': fks,",
                "  'customers_pk': i.get_pk_constraint('customers'),",
                "  'indexes': sorted((x['name'], x['column_names'], x['unique']) for x in i.get_indexes('orders')),",
                "  'uniques': sorted((u['name'], u['column_names']) for u in i.get_unique_constraints('customers'))},"
                        + " sort_keys=True))");
        assertEquals("{\"customers_pk\": {\"constrained_columns\": [\"id\"], \"name\": \"customers_pkey\"}, "
                + "\"fks\": [[\"orders_customer_id_fkey\", [\"customer_id\"], \"customers\", [\"id\"]]], "
                + "\"indexes\": [[\"orders_cust_ui\", [\"customer_id\", \"line\"], true]], "
                + "\"pk\": {\"constrained_columns\": [\"id\", \"line\"], \"name\": \"orders_pkey\"}, "
                + "\"uniques\": [[\"customers_ssn_key\", [\"ssn\"]]]}", run(python, script, "alice"));
        assertEquals("{\"customers_pk\": {\"constrained_columns\": [\"id\"], \"name\": \"customers_pkey\"}, "
                + "\"fks\": [[\"orders_customer_id_fkey\", [\"customer_id\"], \"customers\", [\"id\"]], "
                + "[\"orders_secret_id_fkey\", [\"secret_id\"], \"secrets\", [\"id\"]]], "
                + "\"indexes\": [], "
                + "\"pk\": {\"constrained_columns\": [], \"name\": null}, "
                + "\"uniques\": []}", run(python, script, "bob"));
    }

    /** psql's {@code \\d table} with its footers (aligned output). */
    private String describe(String user, String table) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-d", "host=127.0.0.1 port=" + fixture.port()
                + " user=" + user + " dbname=" + fixture.db + " sslmode=disable connect_timeout=10", "-c",
                "\\d " + table);
        pb.environment().put("PGPASSWORD", KeyedFixture.PASSWORD);
        pb.environment().put("PGPASSFILE", "/dev/null");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql timed out");
        assertEquals(0, p.exitValue(), "psql \\d as " + user + ": " + err);
        assertEquals("", err.strip(), "psql \\d as " + user);
        return out;
    }

    private String run(String python, String script, String user) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", script, user, KeyedFixture.PASSWORD.replace(" ", "%20"),
                Integer.toString(fixture.port()), fixture.db).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "SQLAlchemy as " + user + " failed: " + err);
        return out;
    }

    /** The first of python3 and /usr/bin/python3 that has SQLAlchemy and psycopg2, or null. */
    static String pythonWithSqlAlchemy() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import sqlalchemy, psycopg2").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return python;
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return null;
    }

    private static List<String> rows(ResultSet rs, Function<ResultSet, String> row) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) out.add(row.apply(rs));
        }
        return out;
    }

    private static String str(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
