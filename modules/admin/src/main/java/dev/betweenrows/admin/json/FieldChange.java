package dev.betweenrows.admin.json;

import jakarta.json.JsonValue;

/** A field's value in the two versions compared. */
public record FieldChange(JsonValue from, JsonValue to) {}
