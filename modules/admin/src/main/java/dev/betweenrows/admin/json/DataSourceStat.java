package dev.betweenrows.admin.json;

/**
 * One data source on the dashboard: whether its upstream accepted a TCP connection just now (1 s timeout;
 * not probed, and {@code false}, when the data source is inactive) and how many sessions are open on it.
 */
public record DataSourceStat(String id, String name, boolean active, boolean reachable, int sessions) {}
