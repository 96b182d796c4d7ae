package dev.betweenrows.admin.datasource;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.http.Bodies;
import dev.betweenrows.admin.json.AllAccess;
import dev.betweenrows.admin.json.RoleIds;
import dev.betweenrows.admin.json.UserIds;
import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.RoleRecord;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Data-source connect grants under {@code /api/v1/datasources/{id}}: {@code /users} and {@code /access/roles}
 * (PUT replaces the list, as in BetweenRows) and {@code /access/all} (new: the {@code all} scope had no API).
 * Every id in a PUT is checked before anything changes (422). Sessions of users who lost access end at once.
 */
public final class AccessGrantService implements HttpService {
    private final AdminContext ctx;

    public AccessGrantService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/users", this::users)
             .put("/{id}/users", this::putUsers)
             .get("/{id}/access/roles", this::roles)
             .put("/{id}/access/roles", this::putRoles)
             .get("/{id}/access/all", this::all)
             .put("/{id}/access/all", this::putAll);
    }

    private void users(ServerRequest req, ServerResponse res) {
        res.send(new UserIds(subjects(dataSourceId(req), Scope.USER)));
    }

    private void roles(ServerRequest req, ServerResponse res) {
        res.send(new RoleIds(subjects(dataSourceId(req), Scope.ROLE)));
    }

    private void all(ServerRequest req, ServerResponse res) {
        res.send(new AllAccess(hasAll(dataSourceId(req))));
    }

    private void putUsers(ServerRequest req, ServerResponse res) {
        String ds = dataSourceId(req);
        Set<String> wanted = ids(Bodies.json(req, UserIds.class).userIds(), "user_ids");
        for (String id : wanted) {
            if (ctx.store().users().findById(id).isEmpty()) throw new IllegalArgumentException("unknown user id: " + id);
        }
        replace(ds, Scope.USER, wanted, AdminAuthFilter.principal(req).actor());
        res.send(new UserIds(subjects(ds, Scope.USER)));
    }

    private void putRoles(ServerRequest req, ServerResponse res) {
        String ds = dataSourceId(req);
        Set<String> wanted = ids(Bodies.json(req, RoleIds.class).roleIds(), "role_ids");
        Set<String> current = new LinkedHashSet<>(subjects(ds, Scope.ROLE));
        for (String id : wanted) {
            RoleRecord role = ctx.store().roles().findById(id)
                    .orElseThrow(() -> new IllegalArgumentException("unknown role id: " + id));
            if (!role.active() && !current.contains(id))
                throw new IllegalArgumentException("only an active role can be granted access: " + id);
        }
        replace(ds, Scope.ROLE, wanted, AdminAuthFilter.principal(req).actor());
        res.send(new RoleIds(subjects(ds, Scope.ROLE)));
    }

    private void putAll(ServerRequest req, ServerResponse res) {
        String ds = dataSourceId(req);
        Boolean enabled = Bodies.json(req, AllAccess.class).enabled();
        if (enabled == null) throw new IllegalArgumentException("enabled (true or false) is required");
        Actor actor = AdminAuthFilter.principal(req).actor();
        AccessGrant grant = new AccessGrant(ds, Scope.ALL, null);
        if (enabled && !hasAll(ds)) ctx.store().dataSources().grant(grant, actor);
        if (!enabled && hasAll(ds)) {
            ctx.store().dataSources().revoke(grant, actor);
            AccessEnforcer.endSessionsWithoutAccess(ctx, ds);
        }
        res.send(new AllAccess(hasAll(ds)));
    }

    private void replace(String ds, Scope scope, Set<String> wanted, Actor actor) {
        List<String> current = subjects(ds, scope);
        boolean revoked = false;
        for (String id : current) {
            if (!wanted.contains(id)) {
                ctx.store().dataSources().revoke(new AccessGrant(ds, scope, id), actor);
                revoked = true;
            }
        }
        for (String id : wanted) {
            if (!current.contains(id)) ctx.store().dataSources().grant(new AccessGrant(ds, scope, id), actor);
        }
        if (revoked) AccessEnforcer.endSessionsWithoutAccess(ctx, ds);
    }

    private List<String> subjects(String ds, Scope scope) {
        return ctx.store().dataSources().grants(ds).stream().filter(g -> g.scope() == scope)
                .map(AccessGrant::scopeId).toList();
    }

    private boolean hasAll(String ds) {
        return ctx.store().dataSources().grants(ds).stream().anyMatch(g -> g.scope() == Scope.ALL);
    }

    private String dataSourceId(ServerRequest req) {
        return DataSourceService.findDataSource(ctx, req.path().pathParameters().get("id")).id();
    }

    private static Set<String> ids(List<String> ids, String field) {
        if (ids == null) throw new IllegalArgumentException(field + " (an array of ids) is required");
        if (ids.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException(field + " must not hold null");
        return new LinkedHashSet<>(ids);
    }
}
