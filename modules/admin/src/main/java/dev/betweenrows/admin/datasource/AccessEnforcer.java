package dev.betweenrows.admin.datasource;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.policy.SessionInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends the data-plane sessions of users who lost their access to a data source (BetweenRows let them
 * run on). Re-checks every live session on the data source against the grants as they now stand, so role
 * revocations and the {@code all} grant are covered as well as direct user grants.
 */
public final class AccessEnforcer {
    private AccessEnforcer() {}

    /** Returns how many sessions were ended. */
    public static int endSessionsWithoutAccess(AdminContext ctx, String dataSourceId) {
        List<AccessGrant> grants = ctx.store().dataSources().grants(dataSourceId);
        RoleGraph graph = ctx.store().roles().graph();
        Set<String> users = new LinkedHashSet<>();
        for (SessionInfo s : ctx.sessions().list()) {
            if (s.dataSourceId().equals(dataSourceId)
                    && !AccessGrant.permits(grants, s.userId(), graph.activeRolesOf(s.userId()), dataSourceId)) {
                users.add(s.userId());
            }
        }
        int ended = 0;
        for (String user : users) {
            ended += ctx.sessions().terminateUserOnDataSource(user, dataSourceId, "data-source access revoked");
        }
        return ended;
    }
}
