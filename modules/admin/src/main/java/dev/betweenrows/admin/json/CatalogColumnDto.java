package dev.betweenrows.admin.json;

/** A stored catalog column. */
public record CatalogColumnDto(String columnName, int ordinalPosition, String dataType, boolean isNullable, boolean isSelected) {}
