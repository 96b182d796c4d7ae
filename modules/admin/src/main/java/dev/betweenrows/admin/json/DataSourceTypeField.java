package dev.betweenrows.admin.json;

import java.util.List;

/** One field of a data-source type's config form ({@code GET /api/v1/datasource-types}). */
public record DataSourceTypeField(String key, String label, String type, boolean required, boolean secret, String defaultValue,
                                  List<String> options) {}
