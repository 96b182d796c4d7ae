package dev.betweenrows.admin.json;

/** JSON body of {@code GET /health}. */
public record Health(String status, String version, String store) {}
