package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import dev.betweenrows.store.UserProfile;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Users over Helidon DB Client; portable SQL only (the store may later be PostgreSQL). */
final class DbUserRepository implements UserRepository {
    private static final String COLUMNS = "SELECT id, username, password_verifier, is_admin, is_active, email,"
            + " display_name, created_at, updated_at, last_login_at FROM br_user";
    private final Transactions tx;

    DbUserRepository(Transactions tx) {
        this.tx = tx;
    }

    private DbExecute read() {
        return tx.reader();
    }

    @Override
    public long count() {
        return Rows.count(read(), "SELECT COUNT(*) FROM br_user");
    }

    @Override
    public UserRecord create(NewUser user, Actor actor) {
        return tx.run(actor, t -> {
            if (find(t.db, "username", user.username()).isPresent()) {
                throw new StoreConflictException("username already exists: " + user.username());
            }
            String id = Rows.newId();
            t.db.insert("INSERT INTO br_user (id, username, password_verifier, is_admin, is_active, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, user.username(), user.passwordVerifier(), user.admin(), true, Rows.ts(t.now), Rows.ts(t.now));
            UserRecord created = get(t.db, id);
            t.audit("create", "user", id, null, json(created));
            return created;
        });
    }

    @Override
    public Optional<UserRecord> findByUsername(String username) {
        return find(read(), "username", username);
    }

    @Override
    public Optional<UserRecord> findById(String id) {
        return find(read(), "id", id);
    }

    @Override
    public Page<UserRecord> list(String search, PageRequest page) {
        String where = "";
        Object[] params = {};
        if (search != null && !search.isBlank()) {
            where = " WHERE LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(display_name) LIKE ? ESCAPE '\\'";
            String p = Rows.containsPattern(search.strip());
            params = new Object[] {p, p, p};
        }
        long total = Rows.count(read(), "SELECT COUNT(*) FROM br_user" + where, params);
        var items = Rows.list(read(), DbUserRepository::toUser,
                COLUMNS + where + " ORDER BY LOWER(username), username" + Rows.page(page.offset(), page.pageSize()), params);
        return new Page<>(items, total, page.page(), page.pageSize());
    }

    @Override
    public long countActiveAdmins() {
        return Rows.count(read(), "SELECT COUNT(*) FROM br_user WHERE is_admin = TRUE AND is_active = TRUE");
    }

    @Override
    public UserRecord update(String id, UserProfile profile, Actor actor) {
        Objects.requireNonNull(profile, "profile");
        return tx.run(actor, t -> {
            UserRecord before = get(t.db, id);
            t.db.update("UPDATE br_user SET email = ?, display_name = ?, is_admin = ?, is_active = ?, updated_at = ?"
                            + " WHERE id = ?", profile.email(), profile.displayName(), profile.admin(), profile.active(),
                    Rows.ts(t.now), id);
            UserRecord after = get(t.db, id);
            String action = before.active() && !after.active() ? "deactivate"
                    : !before.active() && after.active() ? "reactivate" : "update";
            t.audit(action, "user", id, json(before), json(after));
            if (before.active() && !after.active()) {
                t.notifyAfterCommit(new StoreChange.UserDeactivated(id));
            }
            return after;
        });
    }

    @Override
    public void setPasswordVerifier(String id, String passwordVerifier, Actor actor) {
        Objects.requireNonNull(passwordVerifier, "passwordVerifier");
        tx.run(actor, t -> {
            get(t.db, id);
            t.db.update("UPDATE br_user SET password_verifier = ?, updated_at = ? WHERE id = ?",
                    passwordVerifier, Rows.ts(t.now), id);
            t.audit("set_password", "user", id, null, Json.object().add("password_changed", true).build());
            return null;
        });
    }

    @Override
    public void recordLogin(String id, Instant at) {
        read().update("UPDATE br_user SET last_login_at = ? WHERE id = ?", Rows.ts(at), id);
    }

    @Override
    public void delete(String id, Actor actor) {
        tx.run(actor, t -> {
            UserRecord before = get(t.db, id);
            // grants and assignments name the user without a foreign key (subject_id is a user or a role id)
            t.db.delete("DELETE FROM br_data_source_access WHERE scope = 'user' AND subject_id = ?", id);
            t.db.delete("DELETE FROM br_policy_assignment WHERE scope = 'user' AND subject_id = ?", id);
            t.db.delete("DELETE FROM br_user WHERE id = ?", id);
            t.audit("delete", "user", id, json(before), null);
            t.policySetChanged();
            t.notifyAfterCommit(new StoreChange.UserDeleted(id));
            return null;
        });
    }

    @Override
    public Map<String, AttributeValue> attributes(String id) {
        return attributes(read(), id);
    }

    @Override
    public void setAttributes(String id, Map<String, AttributeValue> values, Actor actor) {
        Map<String, AttributeValue> copy = Map.copyOf(values);
        tx.run(actor, t -> {
            get(t.db, id);
            Map<String, AttributeDefinition> defs = DbAttributeDefinitionRepository.definitions(t.db);
            copy.forEach((key, value) -> {
                AttributeDefinition def = defs.get(key);
                if (def == null) throw new IllegalArgumentException("attribute is not defined: " + key);
                def.check(value);
            });
            Map<String, AttributeValue> before = attributes(t.db, id);
            t.db.delete("DELETE FROM br_user_attribute WHERE user_id = ?", id);
            copy.forEach((key, value) -> t.db.insert(
                    "INSERT INTO br_user_attribute (user_id, attr_key, value_json) VALUES (?, ?, ?)",
                    id, key, Json.write(Json.value(value))));
            t.audit("set_attributes", "user", id, attributesJson(before), attributesJson(copy));
            t.policySetChanged();
            return null;
        });
    }

    static Map<String, AttributeValue> attributes(DbExecute db, String userId) {
        Map<String, AttributeValue> out = new TreeMap<>();
        Rows.list(db, r -> Map.entry(Rows.str(r, 1), Json.attributeValue(Rows.str(r, 2))),
                        "SELECT attr_key, value_json FROM br_user_attribute WHERE user_id = ?", userId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static UserRecord get(DbExecute db, String id) {
        return find(db, "id", id).orElseThrow(() -> new StoreNotFoundException("user", id));
    }

    private static Optional<UserRecord> find(DbExecute db, String column, String value) {
        return Rows.one(db, DbUserRepository::toUser, COLUMNS + " WHERE " + column + " = ?", value);
    }

    private static UserRecord toUser(DbRow r) {
        return new UserRecord(Rows.str(r, 1), Rows.str(r, 2), Rows.str(r, 3), Rows.bool(r, 4), Rows.bool(r, 5),
                Rows.str(r, 6), Rows.str(r, 7), Rows.time(r, 8), Rows.time(r, 9), Rows.time(r, 10));
    }

    /** Audit form: never the verifier. */
    private static JsonObject json(UserRecord u) {
        JsonObjectBuilder b = Json.object().add("id", u.id()).add("username", u.username());
        Json.put(b, "email", u.email());
        Json.put(b, "display_name", u.displayName());
        return b.add("is_admin", u.admin()).add("is_active", u.active()).build();
    }

    private static JsonObject attributesJson(Map<String, AttributeValue> values) {
        JsonObjectBuilder b = Json.object();
        new TreeMap<>(values).forEach((k, v) -> b.add(k, Json.value(v)));
        return Json.object().add("attributes", b).build();
    }
}
