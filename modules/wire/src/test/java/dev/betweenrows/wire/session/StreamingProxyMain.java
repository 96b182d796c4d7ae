package dev.betweenrows.wire.session;

import dev.betweenrows.wire.UpstreamTarget;
import java.nio.file.Path;

/**
 * Runs a proxy in its own JVM (the streaming test starts it with a small heap): forwards database
 * {@code args[2]} to the upstream at 127.0.0.1:{@code args[1]} as {@code args[3]}/{@code args[4]}; prints
 * {@code PORT <n>} when listening, then waits until stdin closes.
 */
public final class StreamingProxyMain {
    private StreamingProxyMain() {}

    public static void main(String[] args) throws Exception {
        UpstreamTarget target = new UpstreamTarget("127.0.0.1", Integer.parseInt(args[1]), args[2], args[3],
                args[4].toCharArray(), UpstreamTarget.TlsMode.DISABLE, null);
        try (UpstreamFixture fixture = new UpstreamFixture(Path.of(args[0]), new ForwardingGuard(),
                db -> db.equals(args[2]) ? target : null)) {
            System.out.println("PORT " + fixture.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // keep running until the parent closes our stdin
            }
        }
    }
}
