package dev.betweenrows.admin.preview;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.http.JsonFields;
import dev.betweenrows.admin.json.PreviewColumn;
import dev.betweenrows.admin.json.PreviewPolicy;
import dev.betweenrows.admin.json.PreviewResult;
import dev.betweenrows.admin.json.PreviewTable;
import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.TablePolicy;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.SessionBinding;
import dev.betweenrows.store.UserRecord;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/preview}: what the data plane would do with a statement from a given user on a given
 * data source — the same binding ({@code AdminStore.bindings()}) and the same guard — without running
 * anything upstream. Read-only, so not admin-audited. Register under {@code /api/v1}.
 */
public final class PreviewService implements HttpService {
    /** Larger statements are refused before parsing (the request body limit bounds them anyway). */
    private static final int MAX_SQL_CHARS = 100_000;

    private final AdminContext ctx;
    private final GuardHolder guard = new GuardHolder();

    public PreviewService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/preview", this::preview);
    }

    private void preview(ServerRequest req, ServerResponse res) {
        JsonObject body = JsonFields.object(req);
        String userId = required(body, "user_id");
        String dataSourceId = required(body, "datasource_id");
        String sql = JsonFields.text(body, "sql");
        if (sql == null || sql.isBlank()) throw new IllegalArgumentException("sql is required");
        if (sql.length() > MAX_SQL_CHARS) throw new IllegalArgumentException("sql is longer than " + MAX_SQL_CHARS + " characters");
        UserRecord user = ctx.store().users().findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        DataSourceRecord ds = ctx.store().dataSources().findById(dataSourceId)
                .orElseThrow(() -> ApiException.notFound("data source"));
        SessionBinding binding = ctx.store().bindings().resolve(userId, dataSourceId)
                .orElseThrow(() -> ApiException.unprocessable(noAccess(user, ds)));
        QueryGuard g = guard.get();
        GuardSession session = new GuardSession(0, binding.user(), binding.dataSource(), binding.policies(),
                binding.catalog());
        res.send(result(user, ds, binding, decide(g, session, sql)));
    }

    private static String required(JsonObject body, String name) {
        String v = JsonFields.text(body, name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " is required");
        return v;
    }

    /** Admins may learn why; the data plane itself never says. */
    private static String noAccess(UserRecord user, DataSourceRecord ds) {
        String why = !user.active() ? " (the user is inactive)" : !ds.settings().active() ? " (the data source is inactive)" : "";
        return "user " + user.username() + " has no access to data source " + ds.name() + why;
    }

    /** As the wire does: one statement at a time, and a guard that throws refuses (fail closed). */
    private static GuardDecision decide(QueryGuard g, GuardSession session, String sql) {
        List<String> statements = g.split(sql);
        if (statements.size() > 1) {
            throw new IllegalArgumentException("sql holds " + statements.size() + " statements: preview one at a time");
        }
        try {
            return g.check(new GuardRequest(session, Protocol.SIMPLE, statements.getFirst(), List.of()));
        } catch (RuntimeException e) {
            return new GuardDecision.Refuse("XX000", "internal error", "the guard failed: " + e);
        }
    }

    private static PreviewResult result(UserRecord user, DataSourceRecord ds, SessionBinding b, GuardDecision d) {
        List<PreviewTable> catalog = visibleCatalog(b);
        List<PreviewPolicy> policies = b.policies().policies().stream().map(e -> policy(e.policy())).toList();
        return switch (d) {
            case GuardDecision.Forward f -> new PreviewResult(user.id(), user.username(), ds.id(), ds.name(), catalog,
                    policies, "forward", f.rewrittenSql(), f.policies().stream().map(PreviewService::applied).toList(),
                    null, null, null);
            case GuardDecision.Refuse r -> new PreviewResult(user.id(), user.username(), ds.id(), ds.name(), catalog,
                    policies, "refuse", null, List.of(), r.sqlState(), r.message(), r.reason());
            case GuardDecision.AnswerLocally a -> new PreviewResult(user.id(), user.username(), ds.id(), ds.name(),
                    catalog, policies, "answer_locally", null, List.of(), null, a.commandTag(), null);
            case GuardDecision.SessionControl s -> new PreviewResult(user.id(), user.username(), ds.id(), ds.name(),
                    catalog, policies, "session_control", null, List.of(), null, s.kind().name(), null);
        };
    }

    /** The relations the user can see, with their visible columns; hidden ones are left out. */
    private static List<PreviewTable> visibleCatalog(SessionBinding b) {
        List<PreviewTable> out = new ArrayList<>();
        for (CatalogTable t : b.catalog().tables()) {
            Optional<TablePolicy> visible;
            try {
                visible = b.policies().forTable(t.table(), t.columns());
            } catch (BindingException e) {
                out.add(new PreviewTable(t.exposedSchema(), t.table().table(), List.of(), e.getMessage()));
                continue;
            }
            visible.ifPresent(tp -> out.add(new PreviewTable(t.exposedSchema(), t.table().table(),
                    tp.visibleColumns().stream().map(c -> new PreviewColumn(c.name(), c.pgType(),
                            tp.masks().stream().anyMatch(m -> m.column().equals(c.name())))).toList(), null)));
        }
        return out;
    }

    private static PreviewPolicy policy(Policy p) {
        return new PreviewPolicy(p.id(), p.name(), p.version(), p.type().jsonName());
    }

    private static PreviewPolicy applied(AppliedPolicy p) {
        return new PreviewPolicy(p.id(), p.name(), p.version(), p.type().jsonName());
    }
}
