package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.testkit.PostgresServer;
import dev.betweenrows.testkit.WithPostgres;
import dev.betweenrows.wire.codec.BackendFrameReader;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.Query;
import dev.betweenrows.wire.message.ReadyForQuery;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10 million rows through a proxy that runs in its own JVM with a 64 MiB heap: the result must stream
 * (a proxy that collected it would die of OutOfMemoryError long before the end).
 */
@WithPostgres
class StreamingTest {
    static final long ROWS = 10_000_000;

    @Test
    void tenMillionRowsThroughA64MiBHeap(PostgresServer pg, @TempDir Path dir) throws Exception {
        pg.createDatabase("big");
        pg.createRole("streamer", "stream-pw");
        Process proxy = startProxyJvm(dir, pg.port(), "big", "streamer", "stream-pw");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), "proxy did not start: " + line);
            int port = Integer.parseInt(line.substring(5).strip());
            try (RawClient c = new RawClient(port)) {
                c.socket.setSoTimeout(300_000);
                c.send(StartupMessage.v3(Map.of("user", "alice", "database", "big")));
                List<BackendMessage> greeting = c.scram(UpstreamFixture.PASSWORD);
                assertInstanceOf(ReadyForQuery.class, greeting.getLast(), greeting.toString());
                c.send(new Query("SELECT g, md5(g::text) FROM generate_series(1," + ROWS + ") g"));
                BackendFrameReader reader = new BackendFrameReader(c.socket.getInputStream());
                long rows = 0;
                long bytes = 0;
                BackendMessage complete = null;
                for (RawMessage m = reader.read(); m != null && m.type() != 'Z'; m = reader.read()) {
                    bytes += m.bytes().length;
                    if (m.type() == 'D') {
                        rows++;
                    } else {
                        complete = BackendMessages.decode(m);
                    }
                }
                assertEquals(ROWS, rows);
                assertEquals(new CommandComplete("SELECT " + ROWS), complete);
                assertTrue(bytes > 400_000_000L, "result was " + bytes + " bytes");
            }
            assertTrue(proxy.isAlive(), "proxy JVM died");
        } finally {
            proxy.getOutputStream().close(); // ends the child
            if (!proxy.waitFor(20, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
        }
    }

    /** The test's own runtime (module path + class path + compiled classes) on a plain class path. */
    static Process startProxyJvm(Path dir, int pgPort, String db, String role, String password) throws Exception {
        Set<String> path = new LinkedHashSet<>();
        path.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        path.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(prop, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) path.add(entry);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", String.join(File.pathSeparator, path),
                StreamingProxyMain.class.getName(), dir.toString(), Integer.toString(pgPort), db, role, password));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("proxy.err").toFile()).start();
    }
}
