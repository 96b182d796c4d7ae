package dev.betweenrows.admin.audit;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.json.QueryAuditDto;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRepository;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code /api/v1/audit/queries}: list with filters (user, data source, decision/status, kind, from/to,
 * free-text search in the SQL), one record, and a JSON-lines export of a time range.
 */
public final class QueryAuditService implements HttpService {
    private static final Jsonb LINES = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
    private final QueryAuditRepository audit;

    public QueryAuditService(QueryAuditRepository audit) {
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
             .get("/export", this::export)
             .get("/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(Paging.of(audit.list(filter(req), Paging.request(req)), QueryAuditDto::of));
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        res.send(QueryAuditDto.of(audit.find(id).orElseThrow(() -> ApiException.notFound("audit record"))));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Instant from = instant(req, "from").orElseThrow(() -> ApiException.badRequest("from is required (ISO-8601)"));
        Instant to = instant(req, "to").orElseGet(Instant::now);
        res.header(HeaderNames.CONTENT_TYPE, "application/x-ndjson");
        try (OutputStream out = res.outputStream()) {
            audit.export(from, to, r -> {
                try {
                    out.write((LINES.toJson(QueryAuditDto.of(r)) + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QueryAuditFilter filter(ServerRequest req) {
        return new QueryAuditFilter(param(req, "user_id"), param(req, "datasource_id"),
                enumParam(req, "status", QueryAuditRecord.Decision.class), enumParam(req, "kind", QueryAuditRecord.Kind.class),
                instant(req, "from").orElse(null), instant(req, "to").orElse(null), param(req, "search"));
    }

    private static String param(ServerRequest req, String name) {
        return req.query().first(name).filter(v -> !v.isBlank()).orElse(null);
    }

    private static <E extends Enum<E>> E enumParam(ServerRequest req, String name, Class<E> type) {
        String v = param(req, name);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** ISO-8601 instant, or BetweenRows' zone-less {@code %Y-%m-%dT%H:%M:%S} read as UTC. */
    static java.util.Optional<Instant> instant(ServerRequest req, String name) {
        String v = param(req, name);
        if (v == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            try {
                return java.util.Optional.of(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + " must be an ISO-8601 time, e.g. 2026-11-26T12:00:00Z");
            }
        }
    }
}
