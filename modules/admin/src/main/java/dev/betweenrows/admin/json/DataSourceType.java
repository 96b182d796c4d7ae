package dev.betweenrows.admin.json;

import java.util.List;

/** A data-source type and its config fields. */
public record DataSourceType(String dsType, String label, List<DataSourceTypeField> fields) {}
