package dev.betweenrows.admin.json;

/** BetweenRows' {@code definition}: {@code filter_expression} (row_filter) or {@code mask_expression} (column_mask). */
public record PolicyDefinition(String filterExpression, String maskExpression) {}
