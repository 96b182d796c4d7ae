package dev.betweenrows.admin.json;

/** {@code POST /datasources/{id}/test}: whether BetweenRows could connect, and why not in words. */
public record ConnectionTestResult(boolean success, String message) {}
