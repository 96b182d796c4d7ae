package dev.betweenrows.admin.json;

/** {@code POST /api/v1/admin/backup}: optional absolute target directory (new or empty). */
public record BackupRequest(String to) {}
