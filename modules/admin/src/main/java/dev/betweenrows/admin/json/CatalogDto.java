package dev.betweenrows.admin.json;

import java.util.List;

/** {@code GET /datasources/{id}/catalog}. */
public record CatalogDto(String dataSourceId, List<CatalogSchemaDto> schemas) {}
