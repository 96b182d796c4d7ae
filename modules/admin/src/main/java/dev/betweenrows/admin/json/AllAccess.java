package dev.betweenrows.admin.json;

/** Whether every user may connect to a data source (BetweenRows had no API for scope {@code all}). */
public record AllAccess(Boolean enabled) {}
