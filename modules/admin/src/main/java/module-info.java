/** Admin plane: REST API, observability and (later) the web UI on :5435. Exports only AdminServer. */
module dev.betweenrows.admin {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires io.helidon.webserver;
    requires io.helidon.common.configurable;
    requires io.helidon.common.pki;
    requires io.helidon.common.tls;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.webserver.observe.metrics;
    requires io.helidon.health;
    requires io.helidon.http.media.jsonb;
    requires io.helidon.security.jwt;
    requires jakarta.json.bind;
    requires jakarta.json;
    requires io.helidon.http.media;
    requires java.logging;
    requires java.sql;
    requires io.helidon.webserver.sse;
    // the upstream driver is only reached through java.sql.DriverManager (discovery, connection test)
    requires org.postgresql.jdbc;

    uses dev.betweenrows.policy.ExpressionValidator;
    uses dev.betweenrows.policy.QueryGuardProvider;   // the preview checks statements as the data plane does

    exports dev.betweenrows.admin;
    // JSON shapes only: Yasson reads records through a public lookup (see package-info)
    exports dev.betweenrows.admin.json;
    opens dev.betweenrows.admin.json to org.eclipse.yasson;
}
