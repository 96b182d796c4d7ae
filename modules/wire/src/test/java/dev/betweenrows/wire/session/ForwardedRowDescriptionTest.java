package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.Bind;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.Describe;
import dev.betweenrows.wire.message.Execute;
import dev.betweenrows.wire.message.ObjectKind;
import dev.betweenrows.wire.message.Parse;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.RowDescription;
import dev.betweenrows.wire.message.RowDescription.Field;
import dev.betweenrows.wire.message.Sync;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RowDescription of a forwarded (rewritten) query names no upstream table OID or attnum (PostgreSQL sends
 * {@code customers}' OID and attnum 3 for {@code ssn}); the client sees 0 for both, with the upstream's names
 * and types, in the simple protocol and in answers to Describe.
 */
@WithPostgres
class ForwardedRowDescriptionTest {
    private static final String SQL = "SELECT id, ssn, n.n FROM customers JOIN nums n ON n.n = id ORDER BY id";
    private static final List<Field> EXPECTED = List.of(
            new Field("id", 0, 0, 23, 4, -1, 0),
            new Field("ssn", 0, 0, 25, -1, -1, 0),
            new Field("n", 0, 0, 23, 4, -1, 0));
    static GuardedFixture fixture;
    static PostgresServer pg;

    @BeforeAll
    static void start(PostgresServer server) {
        pg = server;
        fixture = new GuardedFixture(server, "guardedrowdesc");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void upstreamItselfNamesTableOidsAndAttnums() throws Exception {
        // the premise: PostgreSQL does send real origins for this query, so the zeros below are the proxy's doing
        try (Connection c = pg.connect(fixture.db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, ssn FROM customers")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("customers", md.getTableName(2));
        }
    }

    @Test
    void simpleQueryRowDescriptionHasNoOrigins() throws Exception {
        try (RawClient c = RawClient.loggedIn(fixture.port(), fixture.db)) {
            c.send(new Query(SQL));
            List<BackendMessage> got = c.readUntilReady();
            assertEquals(new RowDescription(EXPECTED), got.getFirst(), got.toString());
            assertEquals(DataRow.ofText("1", "***-**-6789", "1"), got.get(1)); // still the masked, rewritten query
        }
    }

    @Test
    void describeStatementAndPortalRowDescriptionsHaveNoOrigins() throws Exception {
        try (RawClient c = RawClient.loggedIn(fixture.port(), fixture.db)) {
            c.send(new Parse("s1", SQL, List.of()));
            c.send(new Describe(ObjectKind.STATEMENT, "s1"));
            c.send(new Bind("p1", "s1", List.of(), List.of(), List.of()));
            c.send(new Describe(ObjectKind.PORTAL, "p1"));
            c.send(new Execute("p1", 0));
            c.send(Sync.INSTANCE);
            List<BackendMessage> got = c.readUntilReady();
            List<BackendMessage> descriptions = got.stream().filter(m -> m instanceof RowDescription).toList();
            assertEquals(List.of(new RowDescription(EXPECTED), new RowDescription(EXPECTED)), descriptions,
                    got.toString());
        }
    }

    @Test
    void pgjdbcResultSetMetaDataWorks() throws Exception {
        try (Connection c = fixture.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SQL)) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(3, md.getColumnCount());
            assertEquals("id", md.getColumnName(1));
            assertEquals("ssn", md.getColumnLabel(2));
            assertEquals("", md.getTableName(2));
            assertEquals("", md.getSchemaName(2));
            assertEquals("text", md.getColumnTypeName(2));
            assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(2));
            assertNotEquals(true, md.isAutoIncrement(1));
            assertTrue(rs.next());
            assertEquals("***-**-6789", rs.getString(2));
        }
    }
}
