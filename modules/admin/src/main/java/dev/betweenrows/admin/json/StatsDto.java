package dev.betweenrows.admin.json;

import java.util.List;

/** The dashboard's live data-plane figures ({@code GET /api/v1/stats}). */
public record StatsDto(int sessionsOpen, long statementsLastHour, long denialsLastHour,
                       List<DataSourceStat> datasources) {}
