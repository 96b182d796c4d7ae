package dev.betweenrows.admin.json;

import java.time.Instant;

/** A data source as the API shows it. */
public record DataSourceDto(String id, String name, String dsType, DataSourceConfigView config, String accessMode,
                            boolean isActive, Instant createdAt, Instant updatedAt) {}
