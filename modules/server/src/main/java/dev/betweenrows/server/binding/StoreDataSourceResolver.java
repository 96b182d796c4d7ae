package dev.betweenrows.server.binding;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.wire.DataSourceBinding;
import dev.betweenrows.wire.DataSourceResolver;
import dev.betweenrows.wire.UpstreamTarget;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binds a signed-in user to a data source from the admin store: the data source must exist, be
 * active and be granted to the user (directly, through an active role, or to all); then the
 * user's effective policies, the selected catalog and the upstream target are resolved. Every
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
        if (found.isEmpty() || !found.get().settings().active()) return Optional.empty();
        DataSourceRecord ds = found.get();
        Set<String> roles = store.roles().graph().activeRolesOf(user.id());
        if (!AccessGrant.permits(store.dataSources().grants(ds.id()), user.id(), roles, ds.id())) {
            return Optional.empty();
        }
        UserContext ctx = new UserContext(user.id(), user.username(), store.users().attributes(user.id()));
        DataSourceRef ref = ds.toRef();
        List<Assignment> assignments = store.assignments().listByDataSource(ds.id()).stream()
                .map(AssignmentRecord::assignment).toList();
        List<Policy> policies = store.policies().list().stream().map(PolicyRecord::policy).toList();
        List<AttributeDefinition> definitions = store.attributes().list().stream()
                .map(AttributeDefinitionRecord::definition).toList();
        EffectivePolicies effective = EffectivePolicies.resolve(ctx, roles, ref, assignments, policies, definitions);
        CatalogSnapshot catalog = store.catalog().snapshot(ds.id());
        return Optional.of(new DataSourceBinding(ctx, ref, effective, catalog, upstream(ds)));
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
