package dev.betweenrows.admin.attributes;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.auth.AdminPrincipal;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.JsonFields;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.http.PathIds;
import dev.betweenrows.admin.json.AttributeDefinitionDto;
import dev.betweenrows.admin.json.AttributeInUseError;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.AttributeDefinitionRepository;
import dev.betweenrows.store.AttributeReferences;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code /api/v1/attribute-definitions}. Definitions are addressed by id or by key. Only {@code user}
 * attributes exist (BetweenRows accepted {@code table}/{@code column} and ignored them: refused here).
 * Deleting a definition that policies or users still use is a 409 listing them, unless {@code ?force=true};
 * forced, those policies stay and fail closed. Changing the type or narrowing the allowed values while
 * users hold values that would no longer fit is a 409.
 */
public final class AttributeDefinitionService implements HttpService {
    private final AdminContext ctx;
    private final AttributeDefinitionRepository definitions;

    public AttributeDefinitionService(AdminContext ctx) {
        this.ctx = ctx;
        this.definitions = ctx.store().attributes();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
             .post("/", this::create)
             .get("/{id}", this::get)
             .put("/{id}", this::update)
             .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        PageRequest page = Paging.request(req);
        String entityType = PathIds.query(req, "entity_type");
        String search = PathIds.query(req, "search");
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<AttributeDefinitionRecord> matching = entityType != null && !entityType.equals("user") ? List.of()
                : definitions.list().stream().filter(d -> needle == null || contains(d.key(), needle)
                        || contains(d.displayName(), needle) || contains(d.description(), needle)).toList();
        List<AttributeDefinitionRecord> items = matching.stream().skip(page.offset()).limit(page.pageSize()).toList();
        res.send(Paging.of(new Page<>(items, matching.size(), page.page(), page.pageSize()), AttributeDefinitionService::dto));
    }

    private void create(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        JsonObject body = JsonFields.object(req);
        DefinitionFields f = DefinitionFields.of(body);
        requireUserEntity(f);
        if (f.key() == null) throw ApiException.unprocessable("key is required");
        if (f.valueType() == null) throw ApiException.unprocessable("value_type is required (string, integer, boolean or list)");
        AttributeType type = AttributeType.fromJson(f.valueType());
        List<String> allowed = f.allowedValues() == null ? List.of() : f.allowedValues();
        AttributeDefinition def = new AttributeDefinition(f.key(), type, defaultValue(f.key(), type, f.defaultValue()), allowed);
        AttributeDefinitionRecord created = definitions.create(def, blankToNull(f.displayName()),
                blankToNull(f.description()), admin.actor());
        res.status(Status.CREATED_201).send(dto(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(dto(find(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        AttributeDefinitionRecord current = find(req);
        JsonObject body = JsonFields.object(req);
        DefinitionFields f = DefinitionFields.of(body);
        requireUserEntity(f);
        if (f.key() != null && !f.key().equals(current.key())) throw ApiException.unprocessable("an attribute key cannot be changed");
        AttributeDefinition old = current.definition();
        AttributeType type = f.valueType() == null ? old.type() : AttributeType.fromJson(f.valueType());
        AttributeValue dflt = body.containsKey("default_value") ? defaultValue(old.key(), type, f.defaultValue()) : old.defaultValue();
        List<String> allowed = body.containsKey("allowed_values")
                ? (f.allowedValues() == null ? List.of() : f.allowedValues()) : old.allowedValues();
        AttributeDefinition def = new AttributeDefinition(old.key(), type, dflt, allowed);
        if (type != old.type() || !def.allowedValues().equals(old.allowedValues())) requireValuesStillFit(def);
        String displayName = body.containsKey("display_name") ? blankToNull(f.displayName()) : current.displayName();
        String description = body.containsKey("description") ? blankToNull(f.description()) : current.description();
        res.send(dto(definitions.update(old.key(), def, displayName, description, admin.actor())));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        AdminPrincipal admin = AdminAuthFilter.principal(req);
        AttributeDefinitionRecord current = find(req);
        boolean force = PathIds.flag(req, "force");
        AttributeReferences refs = definitions.references(current.key());
        if (!force && !refs.isEmpty()) {
            res.status(Status.CONFLICT_409).send(new AttributeInUseError("conflict", "attribute '" + current.key()
                    + "' is used by " + refs.policyIds().size() + " policies and " + refs.usersWithValue()
                    + " users; delete with ?force=true to remove the users' values (the policies then fail closed)",
                    policyRefs(refs), refs.usersWithValue()));
            return;
        }
        definitions.delete(current.key(), force, admin.actor());
        res.status(Status.NO_CONTENT_204).send();
    }

    /** A type change or narrower allowed values must not strand values users already hold. */
    private void requireValuesStillFit(AttributeDefinition def) {
        if (definitions.references(def.key()).usersWithValue() == 0) return;
        var users = ctx.store().users();
        long misfits = 0;
        for (int page = 1; ; page++) {
            var batch = users.list(null, new PageRequest(page, PageRequest.MAX_PAGE_SIZE));
            for (var u : batch.items()) {
                AttributeValue v = users.attributes(u.id()).get(def.key());
                if (v != null && !fits(def, v)) misfits++;
            }
            if ((long) page * PageRequest.MAX_PAGE_SIZE >= batch.total()) break;
        }
        if (misfits > 0) {
            throw ApiException.conflict(misfits + " users hold a value of '" + def.key()
                    + "' that the changed definition would not accept; change those values first");
        }
    }

    private static boolean fits(AttributeDefinition def, AttributeValue v) {
        try {
            def.check(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private AttributeDefinitionRecord find(ServerRequest req) {
        String idOrKey = PathIds.param(req, "id");
        return definitions.findByKey(idOrKey)
                .or(() -> definitions.list().stream().filter(d -> d.id().equals(idOrKey)).findFirst())
                .orElseThrow(() -> ApiException.notFound("attribute definition"));
    }

    private static AttributeValue defaultValue(String key, AttributeType type, JsonValue json) {
        return json == null || json.getValueType() == JsonValue.ValueType.NULL ? null : AttributeJson.parse(key, type, json, null);
    }

    private static void requireUserEntity(DefinitionFields f) {
        if (f.entityType() != null && !f.entityType().equals("user")) {
            throw ApiException.unprocessable("entity_type must be 'user' (table and column attributes are not supported)");
        }
    }

    private static List<AttributeInUseError.PolicyRef> policyRefs(AttributeReferences refs) {
        return IntStream.range(0, refs.policyIds().size())
                .mapToObj(i -> new AttributeInUseError.PolicyRef(refs.policyIds().get(i), refs.policyNames().get(i))).toList();
    }

    static AttributeDefinitionDto dto(AttributeDefinitionRecord r) {
        AttributeDefinition d = r.definition();
        return new AttributeDefinitionDto(r.id(), d.key(), r.entityType(), r.displayName(), d.type().jsonName(),
                AttributeJson.render(d.defaultValue()), d.allowedValues(), r.description(), r.createdAt(), r.updatedAt());
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
