package dev.betweenrows.admin.json;

import java.util.List;

/**
 * What {@code POST /api/v1/preview} answers: the catalog and policies the user would have on the data
 * source, and what the guard decides for the statement. Admins only, so a refusal carries its audit
 * {@code reason} (which may name policies and hidden objects) next to the client-facing message.
 *
 * @param decision         {@code forward}, {@code refuse}, {@code answer_locally} or {@code session_control}
 * @param rewrittenSql     the text the data plane would send upstream ({@code forward} only)
 * @param appliedPolicies  the policies that took effect on the statement ({@code forward} only)
 * @param sqlstate         the SQLSTATE the client would get ({@code refuse} only)
 * @param message          the client-facing message ({@code refuse}), command tag or control kind otherwise
 * @param reason           why the statement was refused (audit-only text)
 */
public record PreviewResult(String userId, String username, String datasourceId, String datasourceName,
                            List<PreviewTable> visibleCatalog, List<PreviewPolicy> policies, String decision,
                            String rewrittenSql, List<PreviewPolicy> appliedPolicies, String sqlstate,
                            String message, String reason) {}
