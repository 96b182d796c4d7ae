package dev.betweenrows.admin.policy;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Bodies;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.json.AssignmentDto;
import dev.betweenrows.admin.json.PolicyDto;
import dev.betweenrows.admin.json.PolicyRequest;
import dev.betweenrows.admin.json.ValidateExpressionRequest;
import dev.betweenrows.admin.json.ValidateExpressionResult;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/policies}: list, create, get (with assignments), update (optimistic {@code version}, 409 on
 * a stale one), delete, expression validation. Version history and diff are in {@link PolicyHistory}.
 */
public final class PolicyService implements HttpService {
    private final AdminContext ctx;
    private final ExpressionChecks checks;
    private final PolicyHistory history;

    public PolicyService(AdminContext ctx) {
        this.ctx = ctx;
        this.checks = ExpressionChecks.loaded(ctx.store().attributes());
        this.history = new PolicyHistory(ctx.store().policies());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/validate-expression", this::validate)
             .get("/", this::list)
             .post("/", this::create)
             .get("/{id}", this::get)
             .put("/{id}", this::update)
             .delete("/{id}", this::delete)
             .get("/{id}/versions", history::versions)
             .get("/{id}/versions/{version}", history::version)
             .get("/{id}/diff", history::diff);
    }

    private void validate(ServerRequest req, ServerResponse res) {
        ValidateExpressionRequest body = Bodies.json(req, ValidateExpressionRequest.class);
        Optional<String> problem = checks.problem(body.expression(), Boolean.TRUE.equals(body.isMask()));
        res.send(new ValidateExpressionResult(problem.isEmpty(), problem.orElse(null)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        PageRequest page = Paging.request(req);
        String search = req.query().first("search").orElse("").strip().toLowerCase(Locale.ROOT);
        Map<String, Long> counts = ctx.store().assignments().listAll().stream()
                .collect(Collectors.groupingBy(a -> a.assignment().policyId(), Collectors.counting()));
        List<PolicyRecord> all = ctx.store().policies().list().stream()
                .filter(p -> search.isEmpty() || p.policy().name().toLowerCase(Locale.ROOT).contains(search)
                        || (p.description() != null && p.description().toLowerCase(Locale.ROOT).contains(search)))
                .toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.pageSize(), all.size());
        res.send(Paging.of(new Page<>(all.subList(from, to), all.size(), page.page(), page.pageSize()),
                p -> PolicyMapping.dto(p, counts.getOrDefault(p.id(), 0L).intValue(), null)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        PolicyDraft draft = checked(PolicyMapping.draft(Bodies.json(req, PolicyRequest.class), null));
        PolicyRecord created = ctx.store().policies().create(draft, AdminAuthFilter.principal(req).actor());
        res.status(Status.CREATED_201).send(PolicyMapping.dto(created, 0, List.of()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(withAssignments(find(ctx, req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        PolicyRecord existing = find(ctx, req);
        PolicyRequest body = Bodies.json(req, PolicyRequest.class);
        if (body.version() == null) throw new IllegalArgumentException("version is required (the version you edited)");
        PolicyDraft draft = checked(PolicyMapping.draft(body, existing));
        PolicyRecord updated = ctx.store().policies().update(existing.id(), body.version(), draft,
                AdminAuthFilter.principal(req).actor());
        res.send(withAssignments(updated));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        PolicyRecord existing = find(ctx, req);
        long version = req.query().first("version").map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("version must be an integer");
            }
        }).orElse(existing.version());
        ctx.store().policies().delete(existing.id(), version, AdminAuthFilter.principal(req).actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Expression checks the model cannot do alone (attributes, SQL syntax): 422 with the reason. */
    private PolicyDraft checked(PolicyDraft draft) {
        if (draft.type().hasExpression()) {
            checks.problem(draft.expression(), draft.type() == dev.betweenrows.policy.PolicyType.COLUMN_MASK)
                    .ifPresent(p -> {
                        throw new IllegalArgumentException("invalid expression: " + p);
                    });
        }
        return draft;
    }

    private PolicyDto withAssignments(PolicyRecord p) {
        List<AssignmentRecord> assigned = ctx.store().assignments().listByPolicy(p.id());
        List<AssignmentDto> dtos = assigned.stream().map(a -> PolicyMapping.assignment(a, p.policy().name())).toList();
        return PolicyMapping.dto(p, dtos.size(), dtos);
    }

    static PolicyRecord find(AdminContext ctx, ServerRequest req) {
        return ctx.store().policies().findById(req.path().pathParameters().get("id"))
                .orElseThrow(() -> ApiException.notFound("policy"));
    }
}
