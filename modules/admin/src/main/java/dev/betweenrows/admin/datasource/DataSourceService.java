package dev.betweenrows.admin.datasource;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.Bodies;
import dev.betweenrows.admin.http.Paging;
import dev.betweenrows.admin.json.ConnectionTestResult;
import dev.betweenrows.admin.json.DataSourceDto;
import dev.betweenrows.admin.json.DataSourceRequest;
import dev.betweenrows.admin.upstream.Upstream;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/datasources} CRUD, {@code /test}, and {@code /api/v1/datasource-types}. Register under
 * {@code /api/v1}. Passwords go in, never out: responses say {@code password_set}.
 */
public final class DataSourceService implements HttpService {
    private final AdminContext ctx;

    public DataSourceService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/datasource-types", this::types)
             .get("/datasources", this::list)
             .post("/datasources", this::create)
             .get("/datasources/{id}", this::get)
             .put("/datasources/{id}", this::update)
             .delete("/datasources/{id}", this::delete)
             .post("/datasources/{id}/test", this::test);
    }

    private void types(ServerRequest req, ServerResponse res) {
        res.send(DataSourceTypes.ALL);
    }

    private void list(ServerRequest req, ServerResponse res) {
        PageRequest page = Paging.request(req);
        String search = req.query().first("search").orElse("").strip().toLowerCase(Locale.ROOT);
        List<DataSourceDto> all = ctx.store().dataSources().list().stream()
                .filter(d -> search.isEmpty() || d.name().toLowerCase(Locale.ROOT).contains(search))
                .map(DataSourceMapping::dto).toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.pageSize(), all.size());
        res.send(Paging.of(new Page<>(all.subList(from, to), all.size(), page.page(), page.pageSize()), d -> d));
    }

    private void create(ServerRequest req, ServerResponse res) {
        DataSourceRequest body = Bodies.json(req, DataSourceRequest.class);
        char[] password = DataSourceMapping.password(body);
        try {
            DataSourceRecord created = ctx.store().dataSources().create(DataSourceMapping.settings(body, null), password,
                    AdminAuthFilter.principal(req).actor());
            res.status(Status.CREATED_201).send(DataSourceMapping.dto(created));
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(DataSourceMapping.dto(find(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        DataSourceRecord existing = find(req);
        DataSourceRequest body = Bodies.json(req, DataSourceRequest.class);
        char[] password = DataSourceMapping.password(body);
        try {
            DataSourceRecord updated = ctx.store().dataSources().update(existing.id(),
                    DataSourceMapping.settings(body, existing), password, AdminAuthFilter.principal(req).actor());
            if (existing.settings().active() && !updated.settings().active()) {
                ctx.sessions().terminateDataSource(existing.id(), "data source deactivated");
            }
            res.send(DataSourceMapping.dto(updated));
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        DataSourceRecord existing = find(req);
        ctx.store().dataSources().delete(existing.id(), AdminAuthFilter.principal(req).actor());
        ctx.sessions().terminateDataSource(existing.id(), "data source deleted");
        res.status(Status.NO_CONTENT_204).send();
    }

    private void test(ServerRequest req, ServerResponse res) {
        DataSourceRecord ds = find(req);
        try (Connection c = Upstream.open(ds, ctx.store().dataSources())) {
            String version = c.getMetaData().getDatabaseProductVersion();
            res.send(new ConnectionTestResult(true, "connected to PostgreSQL " + version + " as " + ds.settings().username()));
        } catch (SQLException e) {
            res.send(new ConnectionTestResult(false, Upstream.describe(e, ds.settings())));
        }
    }

    private DataSourceRecord find(ServerRequest req) {
        return findDataSource(ctx, req.path().pathParameters().get("id"));
    }

    /** The data source or a 404. */
    public static DataSourceRecord findDataSource(AdminContext ctx, String id) {
        return ctx.store().dataSources().findById(id).orElseThrow(() -> ApiException.notFound("data source"));
    }
}
