package dev.betweenrows.admin.json;

import java.util.List;

/** A stored catalog schema with its alias (the name clients see), or {@code null}. */
public record CatalogSchemaDto(String schemaName, String schemaAlias, boolean isSelected, List<CatalogTableDto> tables) {}
