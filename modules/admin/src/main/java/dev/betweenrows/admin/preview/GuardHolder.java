package dev.betweenrows.admin.preview;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.QueryGuardProvider;
import io.helidon.http.Status;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The admin plane's own query guard, found like the data plane's ({@link ServiceLoader}) and created on
 * first use, so that the admin API starts (and works) in a runtime without one; only preview then fails.
 */
final class GuardHolder {
    private QueryGuard guard;

    synchronized QueryGuard get() {
        if (guard == null) {
            QueryGuardProvider provider = ServiceLoader.load(QueryGuardProvider.class).findFirst()
                    .orElseThrow(() -> new ApiException(Status.SERVICE_UNAVAILABLE_503, "unavailable",
                            "no query guard is installed: preview is unavailable"));
            // no rewrite cache: previews are rare and must reflect the store as it is now
            guard = provider.create(new GuardContext(GuardContext.SERVER_VERSION, 0, Map.of()));
        }
        return guard;
    }
}
