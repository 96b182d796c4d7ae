package dev.betweenrows.admin.json;

import java.util.List;

/** A stored catalog relation ({@code table_type}: TABLE, VIEW, MATERIALIZED VIEW, …). */
public record CatalogTableDto(String tableName, String tableType, boolean isSelected, List<CatalogColumnDto> columns) {}
