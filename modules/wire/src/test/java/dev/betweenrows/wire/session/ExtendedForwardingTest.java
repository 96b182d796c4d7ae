package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import dev.betweenrows.wire.UpstreamTarget;
import dev.betweenrows.wire.UpstreamTarget.TlsMode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgjdbc's extended protocol through the proxy: prepared statements, binary rows, cursors, pipelining. */
@WithPostgres
class ExtendedForwardingTest {
    @TempDir
    static Path dir;
    static PostgresServer pg;
    static UpstreamFixture fixture;

    @BeforeAll
    static void start(PostgresServer server) {
        pg = server;
        pg.createDatabase("ext");
        pg.createRole("extuser", "ext-pw");
        pg.execute("ext",
                "CREATE TABLE m (id int PRIMARY KEY, v numeric(12,3), at timestamptz, f float8, u uuid, b bytea,"
                        + " d date, arr int4[])",
                "INSERT INTO m SELECT g, g * 1.5, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour',"
                        + " g / 7.0, md5(g::text)::uuid, decode(md5(g::text), 'hex'), date '2024-02-29' + g,"
                        + " ARRAY[g, -g] FROM generate_series(1, 500) g",
                "GRANT SELECT ON m TO extuser");
        fixture = new UpstreamFixture(dir, new ForwardingGuard(), db -> db.equals("ext")
                ? new UpstreamTarget("127.0.0.1", pg.port(), "ext", "extuser", "ext-pw".toCharArray(),
                TlsMode.DISABLE, null) : null);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static List<List<Object>> select(Connection c, int fromId) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM m WHERE id >= ? ORDER BY id")) {
            for (int run = 0; run < 3; run++) { // past prepareThreshold: named statement, binary rows
                rows.clear();
                ps.setInt(1, fromId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= 8; i++) {
                            Object o = rs.getObject(i);
                            row.add(o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b)
                                    : o instanceof java.sql.Array a ? java.util.Arrays.toString((Object[]) a.getArray())
                                    : o);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void preparedStatementsInBinaryEqualDirectResults() throws Exception {
        List<List<Object>> direct;
        try (Connection c = pg.connect("ext", "extuser", "ext-pw")) {
            c.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(1);
            direct = select(c, 490);
        }
        try (Connection c = fixture.connect("ext", "prepareThreshold", "1", "binaryTransfer", "true")) {
            assertEquals(direct, select(c, 490));
        }
        assertEquals(11, direct.size());
        assertEquals(new BigDecimal("735.000"), direct.getFirst().get(1));
    }

    @Test
    void fetchSizeCursorInATransaction() throws Exception {
        try (Connection c = fixture.connect("ext")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(7);
                int n = 0;
                long sum = 0;
                try (ResultSet rs = s.executeQuery("SELECT id FROM m ORDER BY id")) {
                    while (rs.next()) {
                        n++;
                        sum += rs.getInt(1);
                    }
                }
                assertEquals(500, n);
                assertEquals(500L * 501 / 2, sum);
            }
            c.commit();
            c.rollback();
        }
    }

    @Test
    void refusedParseFailsOnlyItsStatementAndUpstreamErrorsAreScrubbed() throws Exception {
        try (Connection c = fixture.connect("ext")) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM forbidden_table WHERE id = ?")) {
                    ps.setInt(1, 1);
                    ps.executeQuery();
                }
            });
            assertEquals("42P01", refused.getSQLState());
            SQLException div = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 10 / ?")) {
                    ps.setInt(1, 0);
                    ps.executeQuery();
                }
            });
            assertEquals("22012", div.getSQLState());
            assertEquals(null, ((org.postgresql.util.PSQLException) div).getServerErrorMessage().getPosition() == 0
                    ? null : "position leaked");
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM m WHERE id <= ?")) {
                ps.setInt(1, 10);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(10, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void batchOfTwoStatementsInOneSync() throws Exception {
        try (Connection c = fixture.connect("ext"); Statement s = c.createStatement()) {
            s.execute("SELECT 1 AS a; SELECT 2 AS b");
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }
}
