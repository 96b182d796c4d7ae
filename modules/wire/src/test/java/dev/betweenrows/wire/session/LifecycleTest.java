package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection limits, timeouts and shutdown, each against its own proxy. */
class LifecycleTest {
    @TempDir
    Path dir;

    @Test
    void connectionsBeyondTheLimitGet53300AndFreedSlotsAreReused() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir, ProxyFixture.options(2, Duration.ZERO, Duration.ofSeconds(60)));
             RawClient a = RawClient.loggedIn(f.port());
             RawClient b = RawClient.loggedIn(f.port())) {
            try (RawClient c = new RawClient(f.port())) {
                c.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
                ErrorResponse e = RawProtocolTest.fatalThenClose(c);
                assertEquals("53300", e.sqlState());
                assertEquals("sorry, too many clients already", e.message());
            }
            a.close();
            RawClient d = null;
            for (int i = 0; i < 50 && d == null; i++) { // a's slot frees when its thread sees the close
                try {
                    d = RawClient.loggedIn(f.port());
                } catch (AssertionError stillFull) {
                    sleep(50);
                }
            }
            assertTrue(d != null, "slot was not released");
            RawProtocolTest.assertSelectOne(d);
            RawProtocolTest.assertSelectOne(b);
            d.close();
        }
    }

    @Test
    void idleSessionsAreClosedWith57P05() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir,
                ProxyFixture.options(5, Duration.ofMillis(400), Duration.ofSeconds(60)));
             RawClient c = RawClient.loggedIn(f.port())) {
            RawProtocolTest.assertSelectOne(c);
            long t0 = System.nanoTime();
            ErrorResponse e = RawProtocolTest.fatalThenClose(c);
            assertEquals("57P05", e.sqlState());
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void zeroIdleTimeoutReallyDisablesIt() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir);
             RawClient c = RawClient.loggedIn(f.port())) {
            sleep(1500);
            RawProtocolTest.assertSelectOne(c);
        }
    }

    @Test
    void startupTimeoutClosesSilentAndStalledClients() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir,
                ProxyFixture.options(5, Duration.ZERO, Duration.ofMillis(500)))) {
            try (RawClient silent = new RawClient(f.port())) {
                assertTrue(silent.closedByServer());
            }
            try (RawClient stalled = new RawClient(f.port())) {
                stalled.send(StartupMessage.v3(Map.of("user", "alice", "database", "testdb")));
                assertInstanceOf(AuthenticationSASL.class, stalled.read());
                assertEquals("57014", RawProtocolTest.fatalThenClose(stalled).sqlState());
            }
            try (RawClient ok = RawClient.loggedIn(f.port())) {
                sleep(800); // past the startup timeout: a ready session is not affected
                RawProtocolTest.assertSelectOne(ok);
            }
        }
    }

    @Test
    void closeSends57P01ToEverySession() throws IOException {
        ProxyFixture f = ProxyFixture.start(dir);
        try (RawClient a = RawClient.loggedIn(f.port()); RawClient b = RawClient.loggedIn(f.port())) {
            f.close();
            for (RawClient c : new RawClient[] {a, b}) {
                ErrorResponse e = RawProtocolTest.fatalThenClose(c);
                assertEquals("57P01", e.sqlState());
                assertEquals("terminating connection due to administrator command", e.message());
            }
        }
    }

    @Test
    void terminateUserEndsOnlyThatUsersSessions() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir); RawClient c = RawClient.loggedIn(f.port())) {
            String userId = f.store.users().findByUsername("alice").orElseThrow().id();
            assertEquals(0, f.proxy.sessions().terminateUser("someone-else", "test"));
            assertEquals(1, f.proxy.sessions().terminateUser(userId, "deactivated"));
            assertEquals("57P01", RawProtocolTest.fatalThenClose(c).sqlState());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
