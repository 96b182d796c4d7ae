package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgjdbc's metadata calls (extended protocol) answered from the emulated, policy-filtered catalog. */
@WithPostgres
class GuardedMetadataTest {
    static GuardedFixture fixture;

    @BeforeAll
    static void start(PostgresServer pg) {
        fixture = new GuardedFixture(pg, "guardedmeta");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void getTablesListsVisibleTablesOnly() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = fixture.connect();
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
        }
        assertEquals(List.of("public.customers", "public.nums"), tables);
        assertTrue(fixture.audit.statements().stream().anyMatch(r -> r.originalSql().contains("pg_catalog")
                && r.decision() == Decision.ALLOWED && "extended".equals(r.protocol()) && r.rowsReturned() == 2),
                fixture.audit.statements().toString());
    }

    @Test
    void getColumnsListsVisibleColumnsOnly() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = fixture.connect();
             ResultSet rs = c.getMetaData().getColumns(null, "public", "%", "%")) {
            while (rs.next()) columns.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
        }
        assertTrue(columns.containsAll(List.of("customers.id", "customers.ssn", "nums.n")), columns.toString());
        assertFalse(columns.stream().anyMatch(s -> s.startsWith("secrets.")), columns.toString());
    }

    @Test
    void getSchemasAndResultSetMetaDataWork() throws Exception {
        try (Connection c = fixture.connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) schemas.add(rs.getString("TABLE_SCHEM"));
            }
            assertTrue(schemas.contains("public"), schemas.toString());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, ssn FROM customers")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertEquals("id", meta.getColumnName(1));
                assertEquals("ssn", meta.getColumnName(2));
                assertEquals("int4", meta.getColumnTypeName(1));
            }
        }
    }

    @Test
    void parameterisedCatalogQueryIsReEvaluatedWithEachBinding() throws Exception {
        String sql = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname = ?";
        try (Connection c = fixture.connect("prepareThreshold", "1");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 3; i++) { // reused server-side statement after the threshold
                assertEquals(List.of("nums"), names(ps, "nums"));
                assertEquals(List.of(), names(ps, "secrets"));
            }
        }
    }

    @Test
    void binaryResultsOfAReusedStatementMatchTheTextOnes() throws Exception {
        String sql = "SELECT c.oid, c.relname, c.relnatts FROM pg_catalog.pg_class c WHERE c.relname = ?";
        try (Connection c = fixture.connect("prepareThreshold", "1", "binaryTransfer", "true");
             PreparedStatement ps = c.prepareStatement(sql)) {
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ps.setString(1, "customers");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    runs.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
                    assertFalse(rs.next());
                }
            }
            assertEquals(1, runs.stream().distinct().count(), runs.toString());
            assertTrue(runs.get(0).endsWith("|customers|4"), runs.toString());
        }
    }

    @Test
    void refusedCatalogQueryLeavesTheSessionUsable() throws Exception {
        try (Connection c = fixture.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM pg_catalog.pg_authid"));
            }
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname = 'nums'")) {
                assertTrue(rs.next()); // the session is still usable after a refused catalog query
                assertEquals("nums", rs.getString(1));
            }
            c.commit();
        }
    }

    private static List<String> names(PreparedStatement ps, String name) throws SQLException {
        ps.setString(1, name);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
