package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Open sessions follow policy changes and end when access is revoked, without reconnecting. */
@WithPostgres
class LiveRefreshTest {
    static GuardedFixture fixture;

    @BeforeAll
    static void start(PostgresServer pg) {
        fixture = new GuardedFixture(pg, "guarded_live");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static List<String> names(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM customers ORDER BY id")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    @Test
    void policyChangeReachesAnOpenSessionAndRevocationEndsIt() throws Exception {
        try (Connection busy = fixture.connect(); Statement s = busy.createStatement();
             Connection idle = fixture.connect()) {
            assertEquals(List.of("Ann", "Cy"), names(s));
            fixture.tenant("other");
            assertEquals(List.of("Bob"), names(s));
            fixture.grant(false);
            try {
                SQLException e = assertThrows(SQLException.class, () -> names(s));
                assertEquals("57P01", e.getSQLState());
                Thread.sleep(1_200); // the idle session is ended by the refresh tick (every 500 ms)
                assertFalse(idle.isValid(2));
            } finally {
                fixture.grant(true);
                fixture.tenant("acme");
            }
        }
    }
}
