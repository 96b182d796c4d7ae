/** Composition root: configuration, command line, start-up order, ServiceLoader wiring. */
module dev.betweenrows.server {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires dev.betweenrows.wire;
    requires dev.betweenrows.admin;
    requires io.helidon.config;
    requires io.helidon.config.yaml;
    requires java.logging;
    requires io.helidon.metrics.api;
    requires java.net.http;
    requires java.sql;

    exports dev.betweenrows.server;

    uses dev.betweenrows.policy.QueryGuardProvider;
    uses dev.betweenrows.store.StoreProvider;
    uses dev.betweenrows.policy.ExpressionValidator;
}
