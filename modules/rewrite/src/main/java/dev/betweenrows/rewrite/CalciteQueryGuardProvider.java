package dev.betweenrows.rewrite;

import dev.betweenrows.policy.QueryGuardProvider;

public final class CalciteQueryGuardProvider implements QueryGuardProvider {
    @Override public String name() { return "calcite " + org.apache.calcite.sql.parser.babel.SqlBabelParserImpl.class.getSimpleName(); }
}
