package dev.betweenrows.admin.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Set;

/** CORS for the origins in {@code BR_CORS_ALLOWED_ORIGINS}; an empty list allows no cross-origin caller. */
public final class Cors implements Filter {
    private final Set<String> allowed;

    public Cors(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && allowed.contains(origin)) {
            res.header("Access-Control-Allow-Origin", origin);
            res.header("Vary", "Origin");
            if (req.prologue().method() == Method.OPTIONS) {
                res.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
                res.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
                res.header("Access-Control-Max-Age", "600");
                res.status(Status.NO_CONTENT_204).send();
                return;
            }
        }
        chain.proceed();
    }
}
