package dev.betweenrows.admin.json;

import java.util.List;

/**
 * One policy in force for a user on a data source (BetweenRows' fields plus {@code datasource_id},
 * {@code version}, {@code scope}, every assignment path in {@code sources}, and {@code binding_error}
 * when the policy cannot be bound for this user and therefore fails closed).
 */
public record EffectivePolicyEntry(String policyId, String policyName, String policyType, String datasourceId,
                                   String datasourceName, int priority, String scope, String source,
                                   List<String> sources, boolean isEnabled, long version, String bindingError) {}
