package dev.betweenrows.admin.json;

import java.util.List;

/** One policy target entry: schema, table and (column policies) column patterns. */
public record TargetDto(List<String> schemas, List<String> tables, List<String> columns) {}
