package dev.betweenrows.admin.json;

/** A visible column of a previewed relation; {@code masked} when a column mask replaces its values. */
public record PreviewColumn(String name, String type, boolean masked) {}
