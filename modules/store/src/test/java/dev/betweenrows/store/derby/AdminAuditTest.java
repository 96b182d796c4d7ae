package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditEntry;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminAuditTest {
    @TempDir
    Path dir;
    AdminStore store;

    @BeforeEach
    void open() {
        store = StoreFixture.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendAndListWithFiltersNewestFirst() {
        Actor eve = new Actor("u-eve", "eve");
        store.audit().append(eve, "login", "session", null, "{\"address\":\"10.0.0.1\"}");
        store.audit().append(Actor.SYSTEM, "login_failed", "session", null, null);
        store.roles().create("analysts", null, ADMIN);
        List<AuditEntry> all = StoreFixture.audit(store);
        assertEquals(List.of("create", "login_failed", "login"), all.stream().map(AuditEntry::action).toList());
        assertTrue(all.get(0).seq() > all.get(1).seq());
        assertEquals("{\"address\":\"10.0.0.1\"}", all.get(2).afterJson());
        assertEquals(List.of("login"), store.audit().list(new AuditFilter(null, null, "u-eve", null, null, null),
                PageRequest.FIRST).items().stream().map(AuditEntry::action).toList());
        assertEquals(2, store.audit().list(new AuditFilter("session", null, null, null, null, null),
                PageRequest.FIRST).total());
        assertEquals(1, store.audit().list(new AuditFilter(null, null, null, "create", null, null),
                PageRequest.FIRST).total());
        assertEquals(0, store.audit().list(new AuditFilter(null, null, null, null, Instant.now().plusSeconds(60), null),
                PageRequest.FIRST).total());
        var page = store.audit().list(AuditFilter.ALL, new PageRequest(2, 2));
        assertEquals(3, page.total());
        assertEquals(List.of("login"), page.items().stream().map(AuditEntry::action).toList());
        assertThrows(IllegalArgumentException.class, () -> store.audit().append(eve, "x", "y", null, "not json"));
    }

    @Test
    void aChangeAndItsAuditRowCommitOrRollBackTogether() {
        DbClient db = ((DerbyAdminStore) store).dbForTests();
        Transactions tx = new Transactions(db);
        int before = StoreFixture.audit(store).size();
        assertThrows(StoreException.class, () -> tx.run(ADMIN, t -> {
            t.db.insert("INSERT INTO br_role (id, name, is_active, created_at, updated_at) VALUES ('r1', 'ghost', TRUE, ?, ?)",
                    Rows.ts(t.now), Rows.ts(t.now));
            t.audit("create", "role", "r1", null, Json.object().add("name", "ghost").build());
            throw new IllegalStateException("fails after the audit row was written");
        }));
        assertTrue(store.roles().findByName("ghost").isEmpty(), "the change was rolled back");
        assertEquals(before, StoreFixture.audit(store).size(), "and so was its audit row");
        assertThrows(StoreException.class, () -> tx.run(ADMIN, t -> {
            t.db.insert("INSERT INTO br_role (id, name, is_active, created_at, updated_at) VALUES ('r2', 'silent', TRUE, ?, ?)",
                    Rows.ts(t.now), Rows.ts(t.now));
            return null;
        }), "a change without an audit row is refused");
        assertTrue(store.roles().findByName("silent").isEmpty());
    }

    @Test
    void aUniqueViolationInsideTheTransactionRollsBackTheAuditToo() {
        store.roles().create("analysts", null, ADMIN);
        int before = StoreFixture.audit(store).size();
        Transactions tx = new Transactions(((DerbyAdminStore) store).dbForTests());
        assertThrows(StoreConflictException.class, () -> tx.run(ADMIN, t -> {
            t.audit("create", "role", "r3", null, null);
            t.db.insert("INSERT INTO br_role (id, name, is_active, created_at, updated_at) VALUES ('r3', 'analysts', TRUE, ?, ?)",
                    Rows.ts(t.now), Rows.ts(t.now));
            return null;
        }));
        assertEquals(before, StoreFixture.audit(store).size());
    }
}
