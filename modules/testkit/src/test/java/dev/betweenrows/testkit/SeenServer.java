package dev.betweenrows.testkit;

import java.util.concurrent.atomic.AtomicReference;

/** What the first shared-server test class received, for the second one to compare with. */
final class SeenServer {
    static final AtomicReference<PostgresServer> FIRST = new AtomicReference<>();

    private SeenServer() {}
}
