package dev.betweenrows.admin.json;

/** Where an online backup was written. */
public record BackupResult(String path) {}
