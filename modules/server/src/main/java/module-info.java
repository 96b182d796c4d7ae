module dev.betweenrows.server {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires dev.betweenrows.wire;
    requires dev.betweenrows.admin;
    requires io.helidon.config;
    requires io.helidon.config.yaml;
    requires io.helidon.logging.jul;
    uses dev.betweenrows.policy.QueryGuardProvider;
}
