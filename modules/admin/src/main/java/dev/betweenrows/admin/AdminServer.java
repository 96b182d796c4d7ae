package dev.betweenrows.admin;

import dev.betweenrows.admin.attributes.AttributeDefinitionService;
import dev.betweenrows.admin.audit.QueryAuditService;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.auth.AuthService;
import dev.betweenrows.admin.auth.LoginLimiter;
import dev.betweenrows.admin.auth.Revocations;
import dev.betweenrows.admin.auth.TokenService;
import dev.betweenrows.admin.health.HealthService;
import dev.betweenrows.admin.health.StoreHealthCheck;
import dev.betweenrows.admin.http.Cors;
import dev.betweenrows.admin.http.ErrorHandling;
import dev.betweenrows.admin.http.SecurityHeaders;
import dev.betweenrows.admin.roles.RoleService;
import dev.betweenrows.admin.users.UserService;
import dev.betweenrows.policy.SessionRegistry;
import dev.betweenrows.store.AdminStore;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jsonb.JsonbSupport;
import io.helidon.common.configurable.Resource;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The admin HTTP listener: {@code /health}, {@code /observe/*}, {@code /api/v1/*}. */
public final class AdminServer implements AutoCloseable {
    private final WebServer server;

    private AdminServer(WebServer server) {
        this.server = server;
    }

    public static AdminServer start(AdminOptions options, AdminStore store, SessionRegistry sessions) {
        return start(options, store, sessions, Optional.empty());
    }

    /** With {@code tls} present the listener serves HTTPS only (TLS 1.3/1.2). */
    public static AdminServer start(AdminOptions options, AdminStore store, SessionRegistry sessions, Optional<AdminTls> tls) {
        Clock clock = Clock.systemUTC();
        AdminContext ctx = new AdminContext(options, store, sessions,
                new TokenService(options.jwtSecret(), options.tokenLifetime(), clock), new Revocations(clock), clock,
                tls.isPresent());
        WebServerConfig.Builder builder = WebServer.builder();
        tls.ifPresent(t -> builder.tls(b -> b
                .privateKey(k -> k.pem(pem -> pem.key(Resource.create(t.keyFile())).certChain(Resource.create(t.certFile()))))
                .privateKeyCertChain(k -> k.pem(pem -> pem.certChain(Resource.create(t.certFile()))))
                .enabledProtocols(List.of("TLSv1.3", "TLSv1.2"))));
        WebServer server = builder
                .host(options.host())
                .port(options.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .maxPayloadSize(options.maxBodyBytes())
                .mediaContext(MediaContext.create(m -> m.addMediaSupport(jsonb())))
                .addFeature(ObserveFeature.just(
                        HealthObserver.create(new StoreHealthCheck(store)),
                        MetricsObserver.create()))
                .routing(r -> routing(r, ctx))
                .build()
                .start();
        return new AdminServer(server);
    }

    /** The API's JSON: snake_case names (BetweenRows' shapes), ISO-8601 instants. */
    static JsonbSupport jsonb() {
        return (JsonbSupport) JsonbSupport.create(JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(true)));
    }

    /** The routes, shared with the tests. */
    static void routing(HttpRouting.Builder routing, AdminContext ctx) {
        ErrorHandling.register(routing);
        routing.addFilter(new SecurityHeaders(ctx.tls()))
               .addFilter(new Cors(new HashSet<>(ctx.options().corsOrigins())))
               .addFilter(new AdminAuthFilter(ctx.tokens(), ctx.revocations(), ctx.store().users()))
               .register("/health", new HealthService(ctx.options().version(), ctx.store()))
               .register("/api/v1/auth", new AuthService(ctx.store().users(), ctx.store().audit(), ctx.tokens(),
                       ctx.revocations(), new LoginLimiter(5, Duration.ofMinutes(5), ctx.clock()), ctx.tls(), ctx.clock()))
               .register("/api/v1/audit/queries", new QueryAuditService(ctx.store().queryAudit()));
        routing.register("/api/v1/users", new UserService(ctx));
        routing.register("/api/v1/roles", new RoleService(ctx));
        routing.register("/api/v1/attribute-definitions", new AttributeDefinitionService(ctx));
        routing.register("/api/v1", new dev.betweenrows.admin.datasource.DataSourceService(ctx));
        routing.register("/api/v1/datasources", new dev.betweenrows.admin.datasource.AccessGrantService(ctx));
        routing.register("/api/v1/datasources", new dev.betweenrows.admin.catalog.CatalogService(ctx));
        routing.register("/api/v1/datasources", new dev.betweenrows.admin.policy.AssignmentService(ctx));
        // before PolicyService: its /{id} route would otherwise take /policies/export
        routing.register("/api/v1", new dev.betweenrows.admin.ops.OperationsService(ctx, ctx.options().backupDir()));
        routing.register("/api/v1/policies", new dev.betweenrows.admin.policy.PolicyService(ctx));
        routing.register("/api/v1/audit", new dev.betweenrows.admin.audit.AdminAuditService(ctx));
        routing.register("/api/v1/sessions", new dev.betweenrows.admin.sessions.SessionService(ctx));
        routing.register("/api/v1", new dev.betweenrows.admin.preview.PreviewService(ctx), new dev.betweenrows.admin.stats.StatsService(ctx));
        routing.register("/openapi", new dev.betweenrows.admin.openapi.OpenApiService());
        routing.register(new dev.betweenrows.admin.ui.StaticUiService());   // the web UI at / and /assets/**
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
