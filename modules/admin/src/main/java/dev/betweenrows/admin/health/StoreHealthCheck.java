package dev.betweenrows.admin.health;

import dev.betweenrows.store.AdminStore;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness: the admin store answers a trivial query. */
public final class StoreHealthCheck implements HealthCheck {
    private final AdminStore store;

    public StoreHealthCheck(AdminStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "admin-store";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .status(store.isHealthy() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN)
                .build();
    }
}
