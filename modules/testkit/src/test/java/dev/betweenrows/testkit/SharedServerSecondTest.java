package dev.betweenrows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@Order(2)
@WithPostgres
class SharedServerSecondTest {

    @Test
    void getsTheSameServerAsTheFirstClass(PostgresServer pg) throws SQLException {
        PostgresServer first = SeenServer.FIRST.get();
        assertNotNull(first, "SharedServerFirstTest must run first (see junit-platform.properties)");
        assertSame(first, pg);
        // Same process, not just the same Java object: the first class's database is here.
        try (Connection c = pg.connect("shop");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
        }
    }
}
