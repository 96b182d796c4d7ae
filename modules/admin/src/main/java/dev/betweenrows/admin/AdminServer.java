package dev.betweenrows.admin;

import dev.betweenrows.admin.health.HealthService;
import dev.betweenrows.admin.health.StoreHealthCheck;
import dev.betweenrows.store.AdminStore;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/** The admin HTTP listener: {@code /health}, {@code /observe/health}, {@code /observe/metrics}. */
public final class AdminServer implements AutoCloseable {
    private final WebServer server;

    private AdminServer(WebServer server) {
        this.server = server;
    }

    public static AdminServer start(AdminOptions options, AdminStore store) {
        WebServer server = WebServer.builder()
                .host(options.host())
                .port(options.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.just(
                        HealthObserver.create(new StoreHealthCheck(store)),
                        MetricsObserver.create()))
                .routing(r -> routing(r, options, store))
                .build()
                .start();
        return new AdminServer(server);
    }

    /** The routes, shared with the {@code @ServerTest} tests. */
    static void routing(HttpRouting.Builder routing, AdminOptions options, AdminStore store) {
        routing.register("/health", new HealthService(options.version(), store));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
