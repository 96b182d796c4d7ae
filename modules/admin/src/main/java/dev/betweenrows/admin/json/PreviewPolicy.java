package dev.betweenrows.admin.json;

/** A policy in a preview: in force for the user, or applied to the statement. */
public record PreviewPolicy(String id, String name, long version, String type) {}
