package dev.betweenrows.admin.json;

import java.util.List;

/** User-scope data-source access: {@code {user_ids: [...]}}. */
public record UserIds(List<String> userIds) {}
