package dev.betweenrows.admin.json;

/** {@code POST /policies/validate-expression}. */
public record ValidateExpressionRequest(String expression, Boolean isMask) {}
