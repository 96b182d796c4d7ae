package dev.betweenrows.server.binding;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.UpstreamTarget;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binds a signed-in user to a data source from the admin store: the store's {@code bindings()} decide
 * access (active user and data source, a grant directly, through an active role, or to all) and resolve
 * the user's effective policies and the selected catalog; this adds the upstream target. Every
 * refusal is the same empty answer, so the wire says "database does not exist" whatever the reason.
 */
public final class StoreDataSourceResolver implements DataSourceResolver {
    private final AdminStore store;
    private final AtomicLong version = new AtomicLong();

    public StoreDataSourceResolver(AdminStore store) {
        this.store = store;
        store.addListener(change -> version.incrementAndGet());
    }

    /** Changes whenever something a binding depends on may have changed (bumped by store change events). */
    @Override
    public long version() {
        return version.get();
    }

    @Override
    public Optional<DataSourceBinding> resolve(UserRecord user, String database) {
        if (user == null || !user.active()) return Optional.empty();
        Optional<DataSourceRecord> found = store.dataSources().findByName(database);
        if (found.isEmpty()) return Optional.empty();
        DataSourceRecord ds = found.get();
        return store.bindings().resolve(user.id(), ds.id()).map(b ->
                new DataSourceBinding(b.user(), b.dataSource(), b.policies(), b.catalog(), upstream(ds)));
    }

    private UpstreamTarget upstream(DataSourceRecord ds) {
        DataSourceSettings s = ds.settings();
        char[] password = store.dataSources().revealPassword(ds.id()).orElse(new char[0]);
        try {
            String schema = s.defaultSchema() == null || s.defaultSchema().isBlank() ? "public" : s.defaultSchema();
            return new UpstreamTarget(s.host(), s.port(), s.database(), s.username(), password,
                    UpstreamTarget.TlsMode.parse(s.tlsMode().jsonName()), s.caCert(), List.of(schema));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
