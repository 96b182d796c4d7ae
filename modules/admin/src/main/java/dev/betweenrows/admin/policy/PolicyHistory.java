package dev.betweenrows.admin.policy;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.json.FieldChange;
import dev.betweenrows.admin.json.PolicyDiff;
import dev.betweenrows.admin.json.PolicyVersionDto;
import dev.betweenrows.store.PolicyRepository;
import dev.betweenrows.store.PolicyVersion;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policy version history (BetweenRows stored it but no API read it, and deleted it with the policy):
 * {@code /versions}, {@code /versions/{v}} with the full snapshot, {@code /diff?from=&to=} with the changed
 * fields. History outlives a deleted policy.
 */
final class PolicyHistory {
    private final PolicyRepository policies;

    PolicyHistory(PolicyRepository policies) {
        this.policies = policies;
    }

    void versions(ServerRequest req, ServerResponse res) {
        res.send(all(req).stream().map(v -> dto(v, false)).toList());
    }

    void version(ServerRequest req, ServerResponse res) {
        res.send(dto(find(all(req), number(req.path().pathParameters().get("version"), "version")), true));
    }

    void diff(ServerRequest req, ServerResponse res) {
        List<PolicyVersion> versions = all(req);
        long latest = versions.get(versions.size() - 1).version();
        long to = req.query().first("to").map(v -> number(v, "to")).orElse(latest);
        long from = req.query().first("from").map(v -> number(v, "from")).orElse(to - 1);
        JsonObject a = snapshot(find(versions, from));
        JsonObject b = snapshot(find(versions, to));
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String f : fields) {
            JsonValue x = a.getOrDefault(f, JsonValue.NULL);
            JsonValue y = b.getOrDefault(f, JsonValue.NULL);
            if (!x.equals(y) && !f.equals("version")) changes.put(f, new FieldChange(x, y));
        }
        res.send(new PolicyDiff(req.path().pathParameters().get("id"), from, to, changes));
    }

    private List<PolicyVersion> all(ServerRequest req) {
        List<PolicyVersion> versions = policies.versions(req.path().pathParameters().get("id"));
        if (versions.isEmpty()) throw ApiException.notFound("policy");
        return versions;
    }

    private static PolicyVersion find(List<PolicyVersion> versions, long number) {
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> ApiException.notFound("policy version " + number));
    }

    private static PolicyVersionDto dto(PolicyVersion v, boolean withSnapshot) {
        return new PolicyVersionDto(v.policyId(), v.version(), v.changeType(), v.createdAt(), v.createdBy(),
                withSnapshot ? snapshot(v) : null);
    }

    private static JsonObject snapshot(PolicyVersion v) {
        try (var reader = Json.createReader(new StringReader(v.snapshotJson()))) {
            return reader.readObject();
        }
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer");
        }
    }
}
