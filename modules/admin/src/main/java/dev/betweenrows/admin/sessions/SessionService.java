package dev.betweenrows.admin.sessions;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.json.SessionDto;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Comparator;

/** {@code /api/v1/sessions}: the open data-plane sessions, and terminating one (the client gets 57P01). */
public final class SessionService implements HttpService {
    private final AdminContext ctx;

    public SessionService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
             .get("/{id}", this::one)
             .delete("/{id}", this::terminate);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var now = ctx.clock().instant();
        res.send(ctx.sessions().list().stream().sorted(Comparator.comparingLong(s -> s.id()))
                .map(s -> SessionDto.of(s, now)).toList());
    }

    private void one(ServerRequest req, ServerResponse res) {
        res.send(SessionDto.of(ctx.sessions().find(id(req)).orElseThrow(() -> ApiException.notFound("session")),
                ctx.clock().instant()));
    }

    private void terminate(ServerRequest req, ServerResponse res) {
        long id = id(req);
        var session = ctx.sessions().find(id).orElseThrow(() -> ApiException.notFound("session"));
        if (!ctx.sessions().terminate(id, "terminated by an administrator")) throw ApiException.notFound("session");
        ctx.store().audit().append(AdminAuthFilter.principal(req).actor(), "terminate", "session", Long.toString(id),
                jakarta.json.Json.createObjectBuilder().add("username", session.username())
                        .add("datasource", session.dataSourceName()).build().toString());
        res.status(Status.NO_CONTENT_204).send();
    }

    private static long id(ServerRequest req) {
        try {
            return Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("session");
        }
    }
}
