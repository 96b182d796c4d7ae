package dev.betweenrows.admin.json;

/** {@code {valid, error}}; error is {@code null} when valid. */
public record ValidateExpressionResult(boolean valid, String error) {}
