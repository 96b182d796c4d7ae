package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.SessionBinding;
import dev.betweenrows.store.SessionBindings;
import dev.betweenrows.store.UserRecord;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link SessionBindings} over the store's own repositories. */
final class StoreSessionBindings implements SessionBindings {
    private final AdminStore store;

    StoreSessionBindings(AdminStore store) {
        this.store = store;
    }

    @Override
    public Optional<SessionBinding> resolve(String userId, String dataSourceId) {
        if (userId == null || dataSourceId == null) return Optional.empty();
        Optional<UserRecord> user = store.users().findById(userId);
        Optional<DataSourceRecord> found = store.dataSources().findById(dataSourceId);
        if (user.isEmpty() || !user.get().active() || found.isEmpty() || !found.get().settings().active()) {
            return Optional.empty();
        }
        DataSourceRecord ds = found.get();
        Set<String> roles = store.roles().graph().activeRolesOf(userId);
        if (!AccessGrant.permits(store.dataSources().grants(ds.id()), userId, roles, ds.id())) return Optional.empty();

        UserContext ctx = new UserContext(userId, user.get().username(), store.users().attributes(userId));
        DataSourceRef ref = ds.toRef();
        List<Assignment> assignments = store.assignments().listByDataSource(ds.id()).stream()
                .map(AssignmentRecord::assignment).toList();
        List<Policy> policies = store.policies().list().stream().map(PolicyRecord::policy).toList();
        List<AttributeDefinition> definitions = store.attributes().list().stream()
                .map(AttributeDefinitionRecord::definition).toList();
        EffectivePolicies effective = EffectivePolicies.resolve(ctx, roles, ref, assignments, policies, definitions);
        return Optional.of(new SessionBinding(ctx, ref, effective, store.catalog().snapshot(ds.id())));
    }
}
