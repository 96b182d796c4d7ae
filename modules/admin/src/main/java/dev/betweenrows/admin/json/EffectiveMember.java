package dev.betweenrows.admin.json;

/** A user who gets what is assigned to a role: {@code source} is "direct" or "via role 'x'". */
public record EffectiveMember(String userId, String username, String source) {}
