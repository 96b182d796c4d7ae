package dev.betweenrows.admin.json;

import java.util.List;

/**
 * Create or update a policy (BetweenRows' shape). On update absent fields keep their value and
 * {@code version} is required. {@code expression} is accepted as a flat alternative to {@code definition}.
 */
public record PolicyRequest(String name, String policyType, String description, Boolean isEnabled, List<TargetDto> targets,
                            PolicyDefinition definition, String expression, String decisionFunctionId, Long version) {}
