package dev.betweenrows.store.derby;

import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreNotFoundException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/** Reading policies and assignments, their JSON forms, and the version history both repositories write. */
final class PolicyRows {
    static final String POLICY_COLUMNS = "SELECT id, name, policy_type, description, is_enabled, targets_json,"
            + " definition_json, version, created_by, updated_by, created_at, updated_at FROM br_policy";
    static final String ASSIGNMENT_COLUMNS = "SELECT id, policy_id, data_source_id, scope, subject_id, priority,"
            + " created_at, updated_at FROM br_policy_assignment";

    private PolicyRows() {}

    static Optional<PolicyRecord> find(DbExecute db, String id) {
        return Rows.one(db, PolicyRows::toPolicy, POLICY_COLUMNS + " WHERE id = ?", id);
    }

    static PolicyRecord get(DbExecute db, String id) {
        return find(db, id).orElseThrow(() -> new StoreNotFoundException("policy", id));
    }

    static PolicyRecord toPolicy(DbRow r) {
        PolicyType type = PolicyType.fromJson(Rows.str(r, 3));
        String definition = Rows.str(r, 7);
        String expression = null;
        if (definition != null && type.hasExpression()) {
            JsonObject d = Json.parseObject(definition);
            String field = type == PolicyType.ROW_FILTER ? "filter_expression" : "mask_expression";
            expression = d.containsKey(field) ? d.getString(field) : null;
        }
        Policy p = new Policy(Rows.str(r, 1), Rows.str(r, 2), type, Json.targets(Rows.str(r, 6)), expression,
                Rows.bool(r, 5), Rows.num(r, 8));
        return new PolicyRecord(p, Rows.str(r, 4), Rows.str(r, 9), Rows.str(r, 10), Rows.time(r, 11), Rows.time(r, 12));
    }

    /** BetweenRows' definition shape: {@code {"filter_expression": …}}, {@code {"mask_expression": …}} or null. */
    static String definitionJson(Policy p) {
        if (p.expression() == null) return null;
        String field = p.type() == PolicyType.ROW_FILTER ? "filter_expression" : "mask_expression";
        return Json.write(Json.object().add(field, p.expression()).build());
    }

    static List<AssignmentRecord> assignments(DbExecute db, String where, Object... params) {
        return Rows.list(db, PolicyRows::toAssignment, ASSIGNMENT_COLUMNS + " " + where, params);
    }

    static AssignmentRecord toAssignment(DbRow r) {
        Assignment a = new Assignment(Rows.str(r, 2), Rows.str(r, 3), Scope.fromJson(Rows.str(r, 4)),
                Rows.scopeId(Rows.str(r, 5)), (int) Rows.num(r, 6));
        return new AssignmentRecord(Rows.str(r, 1), a, Rows.time(r, 7), Rows.time(r, 8));
    }

    static JsonObject json(PolicyRecord r) {
        Policy p = r.policy();
        JsonObjectBuilder b = Json.object().add("id", p.id()).add("name", p.name())
                .add("policy_type", p.type().jsonName());
        Json.put(b, "description", r.description());
        b.add("is_enabled", p.enabled()).add("targets", Json.targets(p.targets()));
        String definition = definitionJson(p);
        b.add("definition", definition == null ? JsonValue.NULL : Json.parse(definition));
        return b.add("version", p.version()).build();
    }

    static JsonObject json(AssignmentRecord r) {
        Assignment a = r.assignment();
        JsonObjectBuilder b = Json.object().add("id", r.id()).add("policy_id", a.policyId())
                .add("data_source_id", a.dataSourceId()).add("scope", a.scope().jsonName());
        Json.put(b, "scope_id", a.scopeId());
        return b.add("priority", a.priority()).build();
    }

    /** Raises the policy's version by one (for assignment changes, which BetweenRows also versions). */
    static void bumpVersion(Tx t, String policyId) {
        if (t.db.update("UPDATE br_policy SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
                t.actor.username(), Rows.ts(t.now), policyId) != 1) {
            throw new StoreNotFoundException("policy", policyId);
        }
    }

    /** Writes the immutable snapshot of the policy as it now stands in the transaction. */
    static void writeVersion(Tx t, String policyId, String changeType) {
        PolicyRecord p = get(t.db, policyId);
        JsonArrayBuilder assigned = Json.array();
        assignments(t.db, "WHERE policy_id = ? ORDER BY created_at, id", policyId).forEach(a -> assigned.add(json(a)));
        String snapshot = Json.write(Json.object(json(p)).add("assignments", assigned).build());
        if (snapshot.length() > AuditWriter.MAX_JSON) throw new StoreException("policy snapshot too large");
        t.db.insert("INSERT INTO br_policy_version (id, policy_id, version, change_type, snapshot_json, created_at,"
                        + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Rows.newId(), policyId, p.version(), changeType, snapshot, Rows.ts(t.now), t.actor.username());
    }
}
