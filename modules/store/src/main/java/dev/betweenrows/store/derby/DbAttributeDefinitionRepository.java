package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.AttributeDefinitionRepository;
import dev.betweenrows.store.AttributeReferences;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** User-attribute definitions; deletion checks policies and users that still use the key. */
final class DbAttributeDefinitionRepository implements AttributeDefinitionRepository {
    private static final String COLUMNS = "SELECT id, attr_key, value_type, default_json, allowed_json, entity_type,"
            + " display_name, description, created_at, updated_at FROM br_attribute_definition";
    private static final String USER = "user";
    private final Transactions tx;

    DbAttributeDefinitionRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public AttributeDefinitionRecord create(AttributeDefinition definition, String displayName, String description,
                                            Actor actor) {
        checkTexts(displayName, description);
        return tx.run(actor, t -> {
            if (find(t.db, definition.key()).isPresent())
                throw new StoreConflictException("attribute already defined: " + definition.key());
            String id = Rows.newId();
            t.db.insert("INSERT INTO br_attribute_definition (id, attr_key, entity_type, value_type, display_name,"
                            + " default_json, allowed_json, description, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, definition.key(), USER, definition.type().jsonName(), displayName, defaultJson(definition),
                    Json.write(Json.strings(definition.allowedValues())), description, Rows.ts(t.now), Rows.ts(t.now));
            AttributeDefinitionRecord created = get(t.db, definition.key());
            t.audit("create", "attribute_definition", id, null, json(created));
            t.policySetChanged();
            return created;
        });
    }

    @Override
    public Optional<AttributeDefinitionRecord> findByKey(String key) {
        return find(tx.reader(), key);
    }

    @Override
    public List<AttributeDefinitionRecord> list() {
        return Rows.list(tx.reader(), DbAttributeDefinitionRepository::toRecord,
                COLUMNS + " WHERE entity_type = ? ORDER BY attr_key", USER);
    }

    @Override
    public AttributeDefinitionRecord update(String key, AttributeDefinition definition, String displayName,
                                            String description, Actor actor) {
        if (!definition.key().equals(key)) throw new IllegalArgumentException("an attribute key cannot be changed");
        checkTexts(displayName, description);
        return tx.run(actor, t -> {
            AttributeDefinitionRecord before = get(t.db, key);
            t.db.update("UPDATE br_attribute_definition SET value_type = ?, display_name = ?, default_json = ?,"
                            + " allowed_json = ?, description = ?, updated_at = ? WHERE id = ?",
                    definition.type().jsonName(), displayName, defaultJson(definition),
                    Json.write(Json.strings(definition.allowedValues())), description, Rows.ts(t.now), before.id());
            AttributeDefinitionRecord after = get(t.db, key);
            t.audit("update", "attribute_definition", before.id(), json(before), json(after));
            t.policySetChanged();
            return after;
        });
    }

    @Override
    public AttributeReferences references(String key) {
        return references(tx.reader(), key);
    }

    @Override
    public AttributeReferences delete(String key, boolean force, Actor actor) {
        return tx.run(actor, t -> {
            AttributeDefinitionRecord before = get(t.db, key);
            AttributeReferences refs = references(t.db, key);
            if (!force && !refs.isEmpty())
                throw new StoreConflictException("attribute " + key + " is used by " + refs.policyIds().size()
                        + " policies and " + refs.usersWithValue() + " users; delete with force to remove it anyway");
            t.db.delete("DELETE FROM br_user_attribute WHERE attr_key = ?", key);
            t.db.delete("DELETE FROM br_attribute_definition WHERE id = ?", before.id());
            t.audit("delete", "attribute_definition", before.id(), json(before), Json.object()
                    .add("forced", force).add("referencing_policies", Json.strings(refs.policyIds()))
                    .add("users_with_value", refs.usersWithValue()).build());
            t.policySetChanged();
            return refs;
        });
    }

    /** The defined user attributes by key (for validating values). */
    static Map<String, AttributeDefinition> definitions(DbExecute db) {
        Map<String, AttributeDefinition> out = new LinkedHashMap<>();
        Rows.list(db, DbAttributeDefinitionRepository::toRecord, COLUMNS + " WHERE entity_type = ?", USER)
                .forEach(r -> out.put(r.key(), r.definition()));
        return out;
    }

    private static AttributeReferences references(DbExecute db, String key) {
        List<PolicyRecord> policies = DbPolicyRepository.referencing(db, key);
        long users = Rows.count(db, "SELECT COUNT(*) FROM br_user_attribute WHERE attr_key = ?", key);
        return new AttributeReferences(policies.stream().map(PolicyRecord::id).toList(),
                policies.stream().map(p -> p.policy().name()).toList(), users);
    }

    private static Optional<AttributeDefinitionRecord> find(DbExecute db, String key) {
        return Rows.one(db, DbAttributeDefinitionRepository::toRecord,
                COLUMNS + " WHERE attr_key = ? AND entity_type = ?", key, USER);
    }

    private static AttributeDefinitionRecord get(DbExecute db, String key) {
        return find(db, key).orElseThrow(() -> new StoreNotFoundException("attribute definition", key));
    }

    private static String defaultJson(AttributeDefinition d) {
        return d.defaultValue() == null ? null : Json.write(Json.value(d.defaultValue()));
    }

    private static AttributeDefinitionRecord toRecord(DbRow r) {
        String dflt = Rows.str(r, 4);
        String allowed = Rows.str(r, 5);
        AttributeDefinition def = new AttributeDefinition(Rows.str(r, 2), AttributeType.fromJson(Rows.str(r, 3)),
                dflt == null ? null : Json.attributeValue(dflt),
                allowed == null ? List.of() : Json.strings(Json.parse(allowed)));
        return new AttributeDefinitionRecord(Rows.str(r, 1), def, Rows.str(r, 6), Rows.str(r, 7), Rows.str(r, 8),
                Rows.time(r, 9), Rows.time(r, 10));
    }

    private static void checkTexts(String displayName, String description) {
        if (displayName != null && displayName.length() > 200)
            throw new IllegalArgumentException("display_name longer than 200 characters");
        if (description != null && description.length() > 2000)
            throw new IllegalArgumentException("description longer than 2000 characters");
    }

    private static JsonObject json(AttributeDefinitionRecord r) {
        AttributeDefinition d = r.definition();
        JsonObjectBuilder b = Json.object().add("id", r.id()).add("key", d.key()).add("entity_type", r.entityType())
                .add("value_type", d.type().jsonName()).add("allowed_values", Json.strings(d.allowedValues()));
        if (d.defaultValue() == null) b.addNull("default_value");
        else b.add("default_value", Json.value(d.defaultValue()));
        Json.put(b, "display_name", r.displayName());
        Json.put(b, "description", r.description());
        return b.build();
    }
}
