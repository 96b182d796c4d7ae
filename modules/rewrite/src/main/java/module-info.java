module dev.betweenrows.rewrite {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires calcite.core;
    requires calcite.babel;
    provides dev.betweenrows.policy.QueryGuardProvider with dev.betweenrows.rewrite.CalciteQueryGuardProvider;
}
