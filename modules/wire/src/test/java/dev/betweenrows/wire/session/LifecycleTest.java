package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Connection limits, timeouts and shutdown, each against its own proxy, with sessions on OS and on virtual threads. */
class LifecycleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void connectionsBeyondTheLimitGet53300AndFreedSlotsAreReused(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir,
                ProxyFixture.options(2, Duration.ZERO, Duration.ofSeconds(60)).withVirtualThreads(virtual));
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

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void idleSessionsAreClosedWith57P05(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir,
                ProxyFixture.options(5, Duration.ofMillis(400), Duration.ofSeconds(60)).withVirtualThreads(virtual));
             RawClient c = RawClient.loggedIn(f.port())) {
            RawProtocolTest.assertSelectOne(c);
            long t0 = System.nanoTime();
            ErrorResponse e = RawProtocolTest.fatalThenClose(c);
            assertEquals("57P05", e.sqlState());
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void zeroIdleTimeoutReallyDisablesIt(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir, defaults(virtual));
             RawClient c = RawClient.loggedIn(f.port())) {
            sleep(1500);
            RawProtocolTest.assertSelectOne(c);
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void startupTimeoutClosesSilentAndStalledClients(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir,
                ProxyFixture.options(5, Duration.ZERO, Duration.ofMillis(500)).withVirtualThreads(virtual))) {
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

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void closeSends57P01ToEverySession(boolean virtual) throws IOException {
        ProxyFixture f = ProxyFixture.start(dir, defaults(virtual));
        try (RawClient a = RawClient.loggedIn(f.port()); RawClient b = RawClient.loggedIn(f.port())) {
            f.close();
            for (RawClient c : new RawClient[] {a, b}) {
                ErrorResponse e = RawProtocolTest.fatalThenClose(c);
                assertEquals("57P01", e.sqlState());
                assertEquals("terminating connection due to administrator command", e.message());
            }
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void terminateUserEndsOnlyThatUsersSessions(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir, defaults(virtual)); RawClient c = RawClient.loggedIn(f.port())) {
            String userId = f.store.users().findByUsername("alice").orElseThrow().id();
            assertEquals(0, f.proxy.sessions().terminateUser("someone-else", "test"));
            assertEquals(1, f.proxy.sessions().terminateUser(userId, "deactivated"));
            assertEquals("57P01", RawProtocolTest.fatalThenClose(c).sqlState());
        }
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {false, true})
    void sessionsRunOnTheConfiguredKindOfThread(boolean virtual) throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir, defaults(virtual)); RawClient c = RawClient.loggedIn(f.port())) {
            RawProtocolTest.assertSelectOne(c);
            boolean osThread = Thread.getAllStackTraces().keySet().stream()   // lists OS threads only
                    .anyMatch(t -> t.getName().startsWith("proxy-" + f.port() + "-session-"));
            assertEquals(!virtual, osThread);
        }
    }

    /**
     * OS threads are bounded by the connection limit: connections beyond it, such as ones that never log in (the
     * limit counts only sessions that did), get virtual threads, and logins still succeed.
     */
    @Test
    void connectionsBeyondTheOsThreadBoundRunOnVirtualThreads() throws IOException {
        try (ProxyFixture f = ProxyFixture.start(dir, ProxyFixture.options(2, Duration.ZERO, Duration.ofSeconds(60)))) {
            List<RawClient> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) silent.add(new RawClient(f.port()));
                try (RawClient a = RawClient.loggedIn(f.port()); RawClient b = RawClient.loggedIn(f.port())) {
                    RawProtocolTest.assertSelectOne(a);
                    RawProtocolTest.assertSelectOne(b);
                    long osThreads = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("proxy-" + f.port() + "-session-")).count();
                    assertTrue(osThreads <= 2, osThreads + " OS session threads");
                }
            } finally {
                for (RawClient c : silent) c.close();
            }
        }
    }

    private static ProxyOptions defaults(boolean virtual) {
        return ProxyFixture.options(20, Duration.ZERO, Duration.ofSeconds(60)).withVirtualThreads(virtual);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
