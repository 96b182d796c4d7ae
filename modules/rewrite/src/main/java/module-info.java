module dev.betweenrows.rewrite {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires calcite.core;
    requires calcite.babel;
    // Read directly: Calcite's parser API exposes Avatica's Casing/Quoting and Guava's ImmutableList.
    requires avatica.core;
    requires com.google.common;
    // The catalog emulation runs Calcite plans over in-memory tables (Enumerable, linq4j expression trees).
    requires calcite.linq4j;
    provides dev.betweenrows.policy.QueryGuardProvider with dev.betweenrows.rewrite.CalciteQueryGuardProvider;
    provides dev.betweenrows.policy.ExpressionValidator with dev.betweenrows.rewrite.validate.CalciteExpressionValidator;
}
