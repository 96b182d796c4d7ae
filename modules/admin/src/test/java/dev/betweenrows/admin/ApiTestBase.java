package dev.betweenrows.admin;

import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.PageRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A fresh embedded store per test class, the product's routing, and a recording data plane. */
abstract class ApiTestBase {
    static AdminContext context(AdminFixture fixture, dev.betweenrows.policy.SessionRegistry sessions) {
        AdminContext c = fixture.ctx;
        return new AdminContext(c.options(), fixture.store, sessions, c.tokens(), c.revocations(), c.clock());
    }

    /** Audit rows about one entity, newest first; asserts none of them carries a secret. */
    static List<AuditEntry> audit(AdminFixture fixture, String entityType, String entityId) {
        List<AuditEntry> rows = fixture.store.audit().list(new AuditFilter(entityType, entityId, null, null, null, null),
                new PageRequest(1, 500)).items();
        String text = rows.toString();
        assertFalse(text.contains("SCRAM-SHA-256") || text.contains("verifier"), text);
        for (String p : ApiClient.PASSWORDS) assertFalse(text.contains(p), "password in the audit");
        return rows;
    }

    static List<String> actions(List<AuditEntry> rows) {
        return rows.stream().map(AuditEntry::action).toList();
    }
}
