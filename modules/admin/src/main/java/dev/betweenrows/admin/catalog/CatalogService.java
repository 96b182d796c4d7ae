package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.datasource.DataSourceService;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.json.CatalogColumnDto;
import dev.betweenrows.admin.json.CatalogDto;
import dev.betweenrows.admin.json.CatalogSchemaDto;
import dev.betweenrows.admin.json.CatalogTableDto;
import dev.betweenrows.admin.json.JobCreated;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.DataSourceRecord;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog discovery under {@code /api/v1/datasources/{id}}: {@code POST /discover} submits a job (202),
 * {@code GET|DELETE /discover/{job_id}} reads or cancels it, {@code /discover/{job_id}/events} streams it as
 * Server-Sent Events, {@code GET /catalog} returns the stored allowlist.
 */
public final class CatalogService implements HttpService {
    private final AdminContext ctx;
    private final DiscoveryJobs jobs;
    private final CatalogWork work;

    public CatalogService(AdminContext ctx) {
        this.ctx = ctx;
        this.jobs = new DiscoveryJobs(ctx.clock());
        this.work = new CatalogWork(ctx.store());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/discover", this::submit)
             .get("/{id}/discover/{job_id}", this::status)
             .delete("/{id}/discover/{job_id}", this::cancel)
             .get("/{id}/discover/{job_id}/events", this::events)
             .get("/{id}/catalog", this::catalog);
    }

    private void submit(ServerRequest req, ServerResponse res) {
        DataSourceRecord ds = dataSource(req);
        JsonObject body = JsonBodies.object(req);
        Actor actor = AdminAuthFilter.principal(req).actor();
        String action = CatalogSelection.text(body, "action");
        if (action == null) throw new IllegalArgumentException("action is required");
        DiscoveryJobs.Work w = switch (action) {
            case "discover_schemas" -> job -> work.discoverSchemas(job, ds);
            case "discover_tables" -> {
                List<String> schemas = strings(body.get("schemas"), "schemas");
                yield job -> work.discoverTables(job, ds, schemas);
            }
            case "discover_columns" -> {
                List<String[]> tables = tableRefs(body.get("tables"));
                yield job -> work.discoverColumns(job, ds, tables);
            }
            case "save_catalog" -> {
                CatalogSelection selection = CatalogSelection.parse(array(body.get("schemas"), "schemas"));
                yield job -> work.save(job, ds, selection, actor);
            }
            case "sync_catalog" -> job -> work.sync(job, ds, actor);
            default -> throw new IllegalArgumentException("unknown action: " + action
                    + " (discover_schemas, discover_tables, discover_columns, save_catalog, sync_catalog)");
        };
        DiscoveryJob job = jobs.submit(ds, action, w);
        res.status(Status.ACCEPTED_202).send(new JobCreated(job.id));
    }

    private void status(ServerRequest req, ServerResponse res) {
        res.send(job(req).status());
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        DiscoveryJob job = job(req);
        job.cancel();
        res.send(job.status());
    }

    private void events(ServerRequest req, ServerResponse res) throws InterruptedException {
        DiscoveryJob job = job(req);
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            int next = 0;
            while (true) {
                List<JsonObject> events = job.eventsFrom(next, 15_000);
                for (JsonObject e : events) {
                    sink.emit(SseEvent.builder().name(e.getString("type")).data(e.toString()).build());
                }
                next += events.size();
                if (events.isEmpty() && job.isRunning()) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                }
                if (!job.isRunning() && next >= job.eventCount()) break;
            }
        }
    }

    private void catalog(ServerRequest req, ServerResponse res) {
        DataSourceRecord ds = dataSource(req);
        List<CatalogSchemaDto> schemas = new ArrayList<>();
        for (CatalogSchemaEntry s : ctx.store().catalog().read(ds.id())) {
            schemas.add(new CatalogSchemaDto(s.upstreamName(), s.alias(), s.selected(), s.tables().stream()
                    .map(t -> new CatalogTableDto(t.name(), UpstreamTable.typeName(t.kind()), t.selected(), t.columns().stream()
                            .map(c -> new CatalogColumnDto(c.name(), c.ordinal(), c.pgType(), c.nullable(), c.selected()))
                            .toList()))
                    .toList()));
        }
        res.send(new CatalogDto(ds.id(), schemas));
    }

    private DataSourceRecord dataSource(ServerRequest req) {
        return DataSourceService.findDataSource(ctx, req.path().pathParameters().get("id"));
    }

    private DiscoveryJob job(ServerRequest req) {
        DataSourceRecord ds = dataSource(req);
        return jobs.find(ds.id(), req.path().pathParameters().get("job_id"))
                .orElseThrow(() -> ApiException.notFound("discovery job"));
    }

    private static JsonArray array(JsonValue v, String field) {
        if (!(v instanceof JsonArray a)) throw new IllegalArgumentException(field + " (an array) is required");
        return a;
    }

    private static List<String> strings(JsonValue v, String field) {
        List<String> out = new ArrayList<>();
        for (JsonValue e : array(v, field)) {
            if (!(e instanceof JsonString s) || s.getString().isEmpty())
                throw new IllegalArgumentException(field + " must hold names");
            out.add(s.getString());
        }
        return out;
    }

    private static List<String[]> tableRefs(JsonValue v) {
        List<String[]> out = new ArrayList<>();
        for (JsonValue e : array(v, "tables")) {
            if (!(e instanceof JsonObject o)) throw new IllegalArgumentException("tables must hold {schema, table} objects");
            String schema = CatalogSelection.text(o, "schema", "schema_name");
            String table = CatalogSelection.text(o, "table", "table_name");
            if (schema == null || table == null) throw new IllegalArgumentException("tables need schema and table");
            out.add(new String[] {schema, table});
        }
        return out;
    }
}
