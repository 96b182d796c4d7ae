package dev.betweenrows.admin.json;

/** Every API error: a stable machine code and a sentence for people. */
public record ErrorBody(String error, String message) {}
