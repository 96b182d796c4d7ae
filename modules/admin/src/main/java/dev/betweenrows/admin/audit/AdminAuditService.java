package dev.betweenrows.admin.audit;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.json.AdminAuditEntryDto;
import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.AuditFilter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/audit/admin?page&page_size&resource_type&resource_id&actor_id&action&from&to}, newest
 * first. {@code from}/{@code to} are ISO-8601 instants; BetweenRows' {@code YYYY-MM-DDTHH:MM:SS} (UTC) is
 * accepted too; {@code to} is exclusive. BetweenRows' resource-type names are mapped to the store's.
 */
public final class AdminAuditService implements HttpService {
    private static final Map<String, String> RESOURCE_ALIASES = Map.of("datasource", "data_source",
            "proxy_user", "user", "attribute_definition", "attribute_definition");
    private final AdminContext ctx;

    public AdminAuditService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var page = Paging.request(req);
        String type = param(req, "resource_type").map(t -> RESOURCE_ALIASES.getOrDefault(t, t)).orElse(null);
        AuditFilter filter = new AuditFilter(type, param(req, "resource_id").orElse(null),
                param(req, "actor_id").orElse(null), param(req, "action").orElse(null),
                param(req, "from").map(v -> instant(v, "from")).orElse(null),
                param(req, "to").map(v -> instant(v, "to")).orElse(null));
        res.send(Paging.of(ctx.store().audit().list(filter, page), AdminAuditService::dto));
    }

    private static AdminAuditEntryDto dto(AuditEntry e) {
        JsonValue changes = Json.createObjectBuilder().add("before", parse(e.beforeJson())).add("after", parse(e.afterJson())).build();
        return new AdminAuditEntryDto(e.id(), e.seq(), e.occurredAt(), e.actorId(), e.actorName(), e.action(),
                e.entityType(), e.entityId(), changes);
    }

    private static JsonValue parse(String json) {
        if (json == null) return JsonValue.NULL;
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static Optional<String> param(ServerRequest req, String name) {
        return req.query().first(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest(name + " must be an ISO-8601 time, e.g. 2025-01-31T12:00:00Z");
            }
        }
    }
}
