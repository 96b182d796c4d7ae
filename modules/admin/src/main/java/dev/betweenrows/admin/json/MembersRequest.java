package dev.betweenrows.admin.json;

import java.util.List;

/** {@code POST /api/v1/roles/{id}/members}: {@code user_ids} (BetweenRows) or a single {@code user_id}. */
public record MembersRequest(List<String> userIds, String userId) {}
