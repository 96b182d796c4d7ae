package dev.betweenrows.admin.policy;

import dev.betweenrows.admin.json.AssignmentDto;
import dev.betweenrows.admin.json.PolicyDefinition;
import dev.betweenrows.admin.json.PolicyDto;
import dev.betweenrows.admin.json.PolicyRequest;
import dev.betweenrows.admin.json.TargetDto;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Glob;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;

import java.util.List;
import java.util.Map;

/** Policy JSON ↔ model. Invalid input is an {@link IllegalArgumentException} (422). */
final class PolicyMapping {
    private PolicyMapping() {}

    /**
     * The draft a create ({@code old == null}) or update asks for; absent fields keep their stored value.
     * A definition sent with allow/deny types is accepted and cleared (BetweenRows' old shape).
     */
    static PolicyDraft draft(PolicyRequest r, PolicyRecord old) {
        if (r.decisionFunctionId() != null && !r.decisionFunctionId().isBlank())
            throw new IllegalArgumentException("decision functions are not supported: decision_function_id must be null");
        Policy p = old == null ? null : old.policy();
        PolicyType type = r.policyType() != null ? PolicyType.fromJson(r.policyType()) : p == null ? null : p.type();
        if (type == null) throw new IllegalArgumentException("policy_type is required");
        List<Target> targets = r.targets() != null ? targets(r.targets()) : p == null ? null : p.targets();
        String expression = null;
        if (type.hasExpression()) {
            expression = expression(r, type);
            if (expression == null && p != null && p.type() == type) expression = p.expression();
            if (expression == null || expression.isBlank())
                throw new IllegalArgumentException(type == PolicyType.ROW_FILTER
                        ? "row_filter needs definition.filter_expression" : "column_mask needs definition.mask_expression");
        }
        return new PolicyDraft(r.name() != null ? r.name() : p == null ? null : p.name(), type,
                r.description() != null ? r.description() : old == null ? null : old.description(), targets, expression,
                r.isEnabled() != null ? r.isEnabled() : p == null || p.enabled());
    }

    private static String expression(PolicyRequest r, PolicyType type) {
        PolicyDefinition d = r.definition();
        String fromDefinition = d == null ? null : type == PolicyType.ROW_FILTER ? d.filterExpression() : d.maskExpression();
        return fromDefinition != null ? fromDefinition : r.expression();
    }

    private static List<Target> targets(List<TargetDto> dtos) {
        return dtos.stream().map(t -> {
            if (t == null) throw new IllegalArgumentException("targets must hold objects");
            if (t.schemas() == null || t.tables() == null) throw new IllegalArgumentException("each target needs schemas and tables");
            return Target.of(t.schemas(), t.tables(), t.columns());
        }).toList();
    }

    static PolicyDto dto(PolicyRecord r, int assignmentCount, List<AssignmentDto> assignments) {
        Policy p = r.policy();
        Map<String, String> definition = p.expression() == null ? null
                : Map.of(p.type() == PolicyType.ROW_FILTER ? "filter_expression" : "mask_expression", p.expression());
        List<TargetDto> targets = p.targets().stream().map(t -> new TargetDto(names(t.schemas()), names(t.tables()),
                p.type().targetsColumns() ? names(t.columns()) : null)).toList();
        return new PolicyDto(p.id(), p.name(), p.type().jsonName(), r.description(), p.enabled(), targets, definition,
                p.version(), r.createdBy(), r.updatedBy(), r.createdAt(), r.updatedAt(), assignmentCount, assignments);
    }

    static AssignmentDto assignment(AssignmentRecord r, String policyName) {
        Assignment a = r.assignment();
        return new AssignmentDto(r.id(), a.policyId(), policyName, a.dataSourceId(), a.scope().jsonName(),
                a.scope() == Scope.USER ? a.scopeId() : null, a.scope() == Scope.ROLE ? a.scopeId() : null,
                a.priority(), r.createdAt(), r.updatedAt());
    }

    private static List<String> names(List<Glob> globs) {
        return globs.stream().map(Glob::pattern).toList();
    }
}
