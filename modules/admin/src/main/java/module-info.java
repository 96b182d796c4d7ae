module dev.betweenrows.admin {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires io.helidon.webserver;
    requires io.helidon.webserver.staticcontent;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.webserver.observe.metrics;
    requires io.helidon.security.jwt;
    exports dev.betweenrows.admin;
}
