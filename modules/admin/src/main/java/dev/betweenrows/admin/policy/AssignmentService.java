package dev.betweenrows.admin.policy;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.datasource.DataSourceService;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Bodies;
import dev.betweenrows.admin.json.AssignmentRequest;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.PolicyRecord;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Policy assignments under {@code /api/v1/datasources/{id}/policies}: list, assign, change scope or
 * priority in place (BetweenRows had no update), unassign. Scope is inferred as BetweenRows does when
 * omitted; a scope that contradicts the ids is a 400; unknown policies, users or roles are 422.
 */
public final class AssignmentService implements HttpService {
    private final AdminContext ctx;

    public AssignmentService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/policies", this::list)
             .post("/{id}/policies", this::create)
             .put("/{id}/policies/{assignment_id}", this::update)
             .delete("/{id}/policies/{assignment_id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String ds = dataSourceId(req);
        res.send(ctx.store().assignments().listByDataSource(ds).stream().map(this::dto).toList());
    }

    private void create(ServerRequest req, ServerResponse res) {
        String ds = dataSourceId(req);
        AssignmentRequest body = Bodies.json(req, AssignmentRequest.class);
        if (body.policyId() == null || ctx.store().policies().findById(body.policyId()).isEmpty())
            throw new IllegalArgumentException("policy_id must name an existing policy");
        Scope scope = scope(body);
        String subject = subject(scope, body);
        Assignment a = new Assignment(body.policyId(), ds, scope, subject,
                body.priority() == null ? Assignment.DEFAULT_PRIORITY : body.priority());
        AssignmentRecord created = ctx.store().assignments().create(a, AdminAuthFilter.principal(req).actor());
        res.status(Status.CREATED_201).send(dto(created));
    }

    private void update(ServerRequest req, ServerResponse res) {
        AssignmentRecord existing = find(req);
        AssignmentRequest body = Bodies.json(req, AssignmentRequest.class);
        if (body.policyId() != null && !body.policyId().equals(existing.assignment().policyId()))
            throw ApiException.badRequest("an assignment's policy cannot change: unassign and assign the other policy");
        boolean newSubject = body.scope() != null || body.userId() != null || body.roleId() != null;
        Scope scope = newSubject ? scope(body) : existing.assignment().scope();
        String subject = newSubject ? subject(scope, body) : existing.assignment().scopeId();
        int priority = body.priority() == null ? existing.assignment().priority() : body.priority();
        res.send(dto(ctx.store().assignments().update(existing.id(), scope, subject, priority,
                AdminAuthFilter.principal(req).actor())));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        AssignmentRecord existing = find(req);
        ctx.store().assignments().delete(existing.id(), AdminAuthFilter.principal(req).actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    private static Scope scope(AssignmentRequest r) {
        Scope scope = r.scope() != null ? parse(r.scope())
                : r.roleId() != null ? Scope.ROLE : r.userId() != null ? Scope.USER : Scope.ALL;
        boolean consistent = switch (scope) {
            case USER -> r.userId() != null && r.roleId() == null;
            case ROLE -> r.roleId() != null && r.userId() == null;
            case ALL -> r.userId() == null && r.roleId() == null;
        };
        if (!consistent) throw ApiException.badRequest("scope " + scope.jsonName() + " needs "
                + switch (scope) {
                    case USER -> "user_id and no role_id";
                    case ROLE -> "role_id and no user_id";
                    case ALL -> "neither user_id nor role_id";
                });
        return scope;
    }

    private static Scope parse(String scope) {
        try {
            return Scope.fromJson(scope);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("scope must be user, role or all");
        }
    }

    private String subject(Scope scope, AssignmentRequest r) {
        if (scope == Scope.USER && ctx.store().users().findById(r.userId()).isEmpty())
            throw new IllegalArgumentException("unknown user id: " + r.userId());
        if (scope == Scope.ROLE && ctx.store().roles().findById(r.roleId()).isEmpty())
            throw new IllegalArgumentException("unknown role id: " + r.roleId());
        return scope == Scope.USER ? r.userId() : scope == Scope.ROLE ? r.roleId() : null;
    }

    private AssignmentRecord find(ServerRequest req) {
        String ds = dataSourceId(req);
        return ctx.store().assignments().findById(req.path().pathParameters().get("assignment_id"))
                .filter(a -> a.assignment().dataSourceId().equals(ds))
                .orElseThrow(() -> ApiException.notFound("assignment"));
    }

    private dev.betweenrows.admin.json.AssignmentDto dto(AssignmentRecord a) {
        String name = ctx.store().policies().findById(a.assignment().policyId()).map(PolicyRecord::policy)
                .map(p -> p.name()).orElse(null);
        return PolicyMapping.assignment(a, name);
    }

    private String dataSourceId(ServerRequest req) {
        return DataSourceService.findDataSource(ctx, req.path().pathParameters().get("id")).id();
    }
}
