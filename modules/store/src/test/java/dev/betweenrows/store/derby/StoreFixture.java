package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.TlsMode;
import dev.betweenrows.store.UserRecord;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** A real embedded store in a temporary directory, plus builders for test data. */
final class StoreFixture {
    static final Actor ADMIN = new Actor("00000000-0000-0000-0000-000000000001", "root");
    static final String VERIFIER = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy";

    private StoreFixture() {}

    static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** Shuts the embedded database {@code <dir>/store} down (a store written with plain JDBC, before it is opened). */
    static void shutdown(Path dir) {
        org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("store").toString());
        ds.setShutdownDatabase("shutdown");
        try (java.sql.Connection ignored = ds.getConnection()) {
            // a successful shutdown is reported as an exception
        } catch (java.sql.SQLException expected) {
            // 08006
        }
    }

    static AdminStore open(Path dir) {
        return StoreProvider.load().open(new StoreOptions(dir.resolve("store"), randomKey()));
    }

    static UserRecord user(AdminStore s, String name) {
        return s.users().create(new NewUser(name, VERIFIER, false), ADMIN);
    }

    static DataSourceSettings settings(String name) {
        return new DataSourceSettings(name, "db.example", 5432, "shop", "reader", TlsMode.VERIFY_FULL, null,
                AccessMode.POLICY_REQUIRED, true, null);
    }

    static DataSourceRecord dataSource(AdminStore s, String name) {
        return s.dataSources().create(settings(name), "upstream-Pa55".toCharArray(), ADMIN);
    }

    static PolicyDraft filter(String name, String expression) {
        return new PolicyDraft(name, PolicyType.ROW_FILTER, "rows of the tenant",
                List.of(Target.of(List.of("public"), List.of("orders"), List.of())), expression, true);
    }

    static List<AuditEntry> audit(AdminStore s) {
        return s.audit().list(AuditFilter.ALL, new PageRequest(1, 500)).items();
    }

    /** Every audit row as text, for "never contains" checks. */
    static String auditText(AdminStore s) {
        StringBuilder b = new StringBuilder();
        audit(s).forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }
}
