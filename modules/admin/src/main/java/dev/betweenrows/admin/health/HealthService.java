package dev.betweenrows.admin.health;

import dev.betweenrows.admin.json.Health;
import dev.betweenrows.store.AdminStore;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Public liveness and version: {@code GET /health}. Says nothing a stranger should not know. */
public final class HealthService implements HttpService {
    private final String version;
    private final AdminStore store;

    public HealthService(String version, AdminStore store) {
        this.version = version;
        this.store = store;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean storeUp = store.isHealthy();
        res.status(storeUp ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503)
                .send(new Health(storeUp ? "UP" : "DOWN", version, storeUp ? "UP" : "DOWN"));
    }
}
