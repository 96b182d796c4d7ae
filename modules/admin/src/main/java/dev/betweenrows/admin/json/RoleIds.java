package dev.betweenrows.admin.json;

import java.util.List;

/** Role-scope data-source access: {@code {role_ids: [...]}}. */
public record RoleIds(List<String> roleIds) {}
