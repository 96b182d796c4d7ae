package dev.betweenrows.admin.roles;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.auth.AdminPrincipal;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.JsonFields;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.http.PathIds;
import dev.betweenrows.admin.json.MembersRequest;
import dev.betweenrows.admin.json.ParentRequest;
import dev.betweenrows.admin.json.RoleCreateRequest;
import dev.betweenrows.admin.json.RoleCycleError;
import dev.betweenrows.admin.json.RoleImpactDto;
import dev.betweenrows.admin.json.RoleSummary;
import dev.betweenrows.admin.json.RoleUpdateRequest;
import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.RoleImpact;
import dev.betweenrows.store.RoleRecord;
import dev.betweenrows.store.RoleRepository;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/roles}: roles, direct members and the inheritance DAG. An edge that would close a cycle
 * or exceed {@link RoleGraph#MAX_DEPTH} is a 422 naming the path; a duplicate edge or membership is a 409.
 * The store audits every change in the same transaction.
 */
public final class RoleService implements HttpService {
    private final AdminContext ctx;
    private final RoleRepository roles;
    private final RoleViews views;

    public RoleService(AdminContext ctx) {
        this.ctx = ctx;
        this.roles = ctx.store().roles();
        this.views = new RoleViews(ctx.store());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
             .post("/", this::create)
             .get("/{id}", this::get)
             .put("/{id}", this::update)
             .delete("/{id}", this::delete)
             .get("/{id}/effective-members", this::effectiveMembers)
             .get("/{id}/impact", this::impact)
             .get("/{id}/members", this::members)
             .post("/{id}/members", this::addMembers)
             .delete("/{id}/members/{userId}", this::removeMember)
             .post("/{id}/parents", this::addParent)
             .delete("/{id}/parents/{parentId}", this::removeParent);
    }

    private void list(ServerRequest req, ServerResponse res) {
        PageRequest page = Paging.request(req);
        String search = Optional.ofNullable(PathIds.query(req, "search")).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<RoleRecord> matching = roles.list().stream()
                .filter(r -> search == null || r.name().toLowerCase(Locale.ROOT).contains(search)).toList();
        Map<String, Long> counts = roles.graph().memberships().stream()
                .collect(Collectors.groupingBy(Membership::roleId, Collectors.counting()));
        List<RoleRecord> items = matching.stream().skip(page.offset()).limit(page.pageSize()).toList();
        res.send(Paging.of(new Page<>(items, matching.size(), page.page(), page.pageSize()),
                r -> RoleSummary.of(r, counts.getOrDefault(r.id(), 0L).intValue())));
    }

    private void create(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        JsonObject json = JsonFields.object(req);
        RoleCreateRequest body = new RoleCreateRequest(JsonFields.text(json, "name"), JsonFields.text(json, "description"));
        RoleRecord created = roles.create(body.name(), blankToNull(body.description()), admin.actor());
        res.status(Status.CREATED_201).send(RoleSummary.of(created, 0));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(views.detail(find(req, "id")));
    }

    private void update(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleRecord role = find(req, "id");
        JsonObject json = JsonFields.object(req);
        RoleUpdateRequest body = new RoleUpdateRequest(JsonFields.text(json, "name"), JsonFields.text(json, "description"),
                JsonFields.bool(json, "is_active"));
        String name = body.name() == null ? role.name() : body.name();
        String description = body.description() == null ? role.description() : blankToNull(body.description());
        if (!name.equals(role.name()) || !java.util.Objects.equals(description, role.description())) {
            role = roles.update(role.id(), name, description, admin.actor());
        }
        if (body.isActive() != null && body.isActive() != role.active()) {
            role = roles.setActive(role.id(), body.isActive(), admin.actor());
        }
        res.send(RoleSummary.of(role, roles.members(role.id()).size()));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleImpact impact = roles.delete(find(req, "id").id(), admin.actor());
        res.send(new RoleImpactDto(impact.affectedUsers(), impact.affectedAssignments(), impact.affectedGrants()));
    }

    private void effectiveMembers(ServerRequest req, ServerResponse res) {
        res.send(views.effectiveMembers(find(req, "id").id()));
    }

    private void impact(ServerRequest req, ServerResponse res) {
        res.send(views.impact(find(req, "id").id()));
    }

    private void members(ServerRequest req, ServerResponse res) {
        res.send(views.directMembers(find(req, "id").id()));
    }

    private void addMembers(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleRecord role = find(req, "id");
        JsonObject json = JsonFields.object(req);
        MembersRequest body = new MembersRequest(JsonFields.strings(json, "user_ids"), JsonFields.text(json, "user_id"));
        Set<String> userIds = new LinkedHashSet<>();
        if (body.userIds() != null) userIds.addAll(body.userIds());
        if (body.userId() != null) userIds.add(body.userId());
        if (userIds.isEmpty() || userIds.contains(null)) throw ApiException.unprocessable("user_ids must list at least one user id");
        // check everything first so that a bad id changes nothing
        Set<String> existing = roles.members(role.id()).stream().map(Membership::userId).collect(Collectors.toSet());
        for (String userId : userIds) {
            if (ctx.store().users().findById(userId).isEmpty()) throw ApiException.notFound("user " + userId);
            if (existing.contains(userId)) throw ApiException.conflict("user " + userId + " is already a member of role '" + role.name() + "'");
        }
        for (String userId : userIds) roles.addMember(role.id(), userId, admin.actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void removeMember(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleRecord role = find(req, "id");
        String userId = PathIds.param(req, "userId");
        if (roles.members(role.id()).stream().noneMatch(m -> m.userId().equals(userId))) {
            throw ApiException.notFound("direct membership of that user in role '" + role.name() + "'");
        }
        roles.removeMember(role.id(), userId, admin.actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void addParent(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleRecord child = find(req, "id");
        ParentRequest body = new ParentRequest(JsonFields.text(JsonFields.object(req), "parent_role_id"));
        if (body.parentRoleId() == null || body.parentRoleId().isBlank()) throw ApiException.unprocessable("parent_role_id is required");
        RoleRecord parent = roles.findById(body.parentRoleId()).orElseThrow(() -> ApiException.notFound("parent role"));
        RoleGraph graph = roles.graph();
        if (graph.edges().contains(new RoleEdge(child.id(), parent.id()))) {
            throw ApiException.conflict("role '" + child.name() + "' already inherits from '" + parent.name() + "'");
        }
        Optional<List<String>> cycle = graph.cyclePath(child.id(), parent.id());
        if (cycle.isPresent()) {
            List<String> path = views.names(graph, cycle.get());
            refuse(res, new RoleCycleError("role_cycle", "cannot add inheritance: it would create a cycle: "
                    + String.join(" -> ", path), path, null, RoleGraph.MAX_DEPTH));
            return;
        }
        int depth = graph.depthAfterAdding(child.id(), parent.id());
        if (depth > RoleGraph.MAX_DEPTH) {
            refuse(res, new RoleCycleError("role_depth", "cannot add inheritance: the chain would be " + depth
                    + " roles deep; the limit is " + RoleGraph.MAX_DEPTH, new ArrayList<>(), depth, RoleGraph.MAX_DEPTH));
            return;
        }
        roles.addParent(child.id(), parent.id(), admin.actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void removeParent(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        RoleRecord child = find(req, "id");
        String parentId = PathIds.param(req, "parentId");
        if (!roles.graph().edges().contains(new RoleEdge(child.id(), parentId))) {
            throw ApiException.notFound("inheritance edge from role '" + child.name() + "' to that parent");
        }
        roles.removeParent(child.id(), parentId, admin.actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    private static void refuse(ServerResponse res, RoleCycleError body) {
        res.status(Status.create(422, "Unprocessable Content")).send(body);
    }

    private RoleRecord find(ServerRequest req, String param) {
        return roles.findById(PathIds.param(req, param)).orElseThrow(() -> ApiException.notFound("role"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
