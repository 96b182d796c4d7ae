package dev.betweenrows.admin.users;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.attributes.AttributeJson;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.auth.AdminPrincipal;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.JsonFields;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.http.PathIds;
import dev.betweenrows.admin.json.PasswordRequest;
import dev.betweenrows.admin.json.UserCreateRequest;
import dev.betweenrows.admin.json.UserDetail;
import dev.betweenrows.admin.json.UserDto;
import dev.betweenrows.admin.json.UserUpdateRequest;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserProfile;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.store.Usernames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/users}. Guards: nobody deletes, demotes or deactivates themselves, and the last active
 * admin stays (409). Deactivating or deleting a user ends their data-plane sessions at once. Responses
 * never carry the password verifier; the store audits every change in the same transaction.
 */
public final class UserService implements HttpService {
    private final AdminContext ctx;
    private final UserRepository users;

    public UserService(AdminContext ctx) {
        this.ctx = ctx;
        this.users = ctx.store().users();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
             .post("/", this::create)
             .get("/{id}", this::get)
             .put("/{id}", this::update)
             .delete("/{id}", this::delete)
             .put("/{id}/password", this::setPassword)
             .get("/{id}/attributes", this::attributes)
             .put("/{id}/attributes", this::replaceAttributes)
             .get("/{id}/effective-policies", this::effectivePolicies);
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(Paging.of(users.list(PathIds.query(req, "search"), Paging.request(req)), UserDto::of));
    }

    private void create(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        UserCreateRequest body = UserBodies.create(JsonFields.object(req));
        Usernames.requireValid(body.username());
        if (body.password() == null) throw ApiException.unprocessable("password is required");
        char[] password = body.password().toCharArray();
        String verifier;
        try {
            verifier = Passwords.scramVerifier(password);   // applies Passwords.requireAcceptable
        } finally {
            Arrays.fill(password, '\0');
        }
        boolean isAdmin = Boolean.TRUE.equals(body.isAdmin());
        UserProfile profile = new UserProfile(blankToNull(body.email()), blankToNull(body.displayName()), isAdmin, true);
        Map<String, AttributeValue> attributes = body.attributes() == null ? Map.of() : parse(body.attributes());
        UserRecord user = users.create(new NewUser(body.username(), verifier, isAdmin), admin.actor());
        if (!profile.equals(user.profile())) user = users.update(user.id(), profile, admin.actor());
        if (!attributes.isEmpty()) users.setAttributes(user.id(), attributes, admin.actor());
        res.status(Status.CREATED_201).send(detail(user));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(detail(find(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        UserRecord user = find(req);
        UserUpdateRequest body = UserBodies.update(JsonFields.object(req));
        boolean isAdmin = body.isAdmin() == null ? user.admin() : body.isAdmin();
        boolean isActive = body.isActive() == null ? user.active() : body.isActive();
        // the last-admin guard answers first (as BetweenRows), so its message is unambiguous
        if (user.admin() && user.active() && !(isAdmin && isActive)) requireAnotherActiveAdmin(isActive ? "demote" : "deactivate");
        if (user.id().equals(admin.userId()) && !isAdmin) throw ApiException.conflict("you cannot remove your own admin rights");
        if (user.id().equals(admin.userId()) && !isActive) throw ApiException.conflict("you cannot deactivate your own account");
        UserProfile profile = new UserProfile(merge(body.email(), user.email()), merge(body.displayName(), user.displayName()),
                isAdmin, isActive);
        Map<String, AttributeValue> attributes = body.attributes() == null ? null : parse(body.attributes());
        UserRecord updated = profile.equals(user.profile()) ? user : users.update(user.id(), profile, admin.actor());
        if (attributes != null) users.setAttributes(user.id(), attributes, admin.actor());
        if (user.active() && !updated.active()) {
            ctx.sessions().terminateUser(user.id(), "user deactivated by admin " + admin.username());
        }
        res.send(detail(updated));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        UserRecord user = find(req);
        if (user.admin() && user.active()) requireAnotherActiveAdmin("delete");
        if (user.id().equals(admin.userId())) throw ApiException.conflict("you cannot delete your own account");
        users.delete(user.id(), admin.actor());
        ctx.sessions().terminateUser(user.id(), "user deleted by admin " + admin.username());
        res.status(Status.NO_CONTENT_204).send();
    }

    private void setPassword(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        UserRecord user = find(req);
        PasswordRequest body = new PasswordRequest(JsonFields.text(JsonFields.object(req), "password"));
        if (body.password() == null) throw ApiException.unprocessable("password is required");
        char[] password = body.password().toCharArray();
        try {
            users.setPasswordVerifier(user.id(), Passwords.scramVerifier(password), admin.actor());
        } finally {
            Arrays.fill(password, '\0');
        }
        res.send(detail(users.findById(user.id()).orElse(user)));
    }

    private void attributes(ServerRequest req, ServerResponse res) {
        res.send(AttributeJson.renderAll(users.attributes(find(req).id())));
    }

    private void replaceAttributes(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        UserRecord user = find(req);
        JsonObject body = JsonFields.object(req);
        // BetweenRows' PUT /users/{id} wraps the map; accept {"attributes": {...}} here too
        JsonObject map = body.size() == 1 && body.get("attributes") instanceof JsonObject inner ? inner : body;
        users.setAttributes(user.id(), parse(map), admin.actor());
        res.send(AttributeJson.renderAll(users.attributes(user.id())));
    }

    private void effectivePolicies(ServerRequest req, ServerResponse res) {
        UserRecord user = find(req);
        String dataSourceId = PathIds.query(req, "datasource_id");
        var dataSources = dataSourceId == null ? ctx.store().dataSources().list()
                : java.util.List.of(ctx.store().dataSources().findById(dataSourceId)
                        .orElseThrow(() -> ApiException.notFound("data source")));
        res.send(EffectivePolicyReport.of(ctx.store(), user, dataSources));
    }

    private UserRecord find(ServerRequest req) {
        return users.findById(PathIds.param(req, "id")).orElseThrow(() -> ApiException.notFound("user"));
    }

    private UserDetail detail(UserRecord user) {
        return UserDetail.of(user, AttributeJson.renderAll(users.attributes(user.id())));
    }

    private Map<String, AttributeValue> parse(JsonObject json) {
        Map<String, AttributeDefinition> definitions = ctx.store().attributes().list().stream()
                .map(AttributeDefinitionRecord::definition)
                .collect(Collectors.toMap(AttributeDefinition::key, Function.identity()));
        return AttributeJson.parseAll(json, definitions);
    }

    private void requireAnotherActiveAdmin(String verb) {
        if (users.countActiveAdmins() <= 1) {
            throw ApiException.conflict("cannot " + verb + " the last active admin; make another user an admin first");
        }
    }

    /** {@code null} keeps the stored value; an empty string clears it. */
    private static String merge(String requested, String stored) {
        return requested == null ? stored : blankToNull(requested);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
