package dev.betweenrows.admin.json;

import java.util.List;

/** 422 for an inheritance edge that would close a cycle ({@code path}: role names) or exceed the depth limit. */
public record RoleCycleError(String error, String message, List<String> path, Integer depth, int maxDepth) {}
