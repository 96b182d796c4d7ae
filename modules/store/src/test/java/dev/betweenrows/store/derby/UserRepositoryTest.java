package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import dev.betweenrows.store.UserProfile;
import dev.betweenrows.store.UserRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRepositoryTest {
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
    void createFindAndAuditWithoutTheVerifier() {
        UserRecord bob = StoreFixture.user(store, "bob");
        assertEquals(bob, store.users().findById(bob.id()).orElseThrow());
        assertEquals(bob.id(), store.users().findByUsername("bob").orElseThrow().id());
        assertTrue(store.users().findById("nope").isEmpty());
        assertThrows(StoreConflictException.class, () -> StoreFixture.user(store, "bob"));
        var entry = StoreFixture.audit(store).getFirst();
        assertEquals("create", entry.action());
        assertEquals("user", entry.entityType());
        assertEquals(ADMIN.userId(), entry.actorId());
        assertTrue(entry.afterJson().contains("\"username\":\"bob\""), entry.afterJson());
        assertFalse(StoreFixture.auditText(store).contains("SCRAM"));
        assertFalse(bob.toString().contains("SCRAM"));
    }

    @Test
    void listPagesAndSearchesIgnoringCaseAndWildcards() {
        for (String n : List.of("alice", "bob", "carol", "dave", "Eve_x")) StoreFixture.user(store, n);
        var page = store.users().list(null, new PageRequest(2, 2));
        assertEquals(5, page.total());
        assertEquals(List.of("carol", "dave"), page.items().stream().map(UserRecord::username).toList());
        assertEquals(List.of("carol"), store.users().list("AR", PageRequest.FIRST).items().stream()
                .map(UserRecord::username).toList());
        assertEquals(List.of("Eve_x"), store.users().list("_", PageRequest.FIRST).items().stream()
                .map(UserRecord::username).toList(), "_ is literal, not a LIKE wildcard");
        assertEquals(0, store.users().list("%", PageRequest.FIRST).total());
    }

    @Test
    void updateProfileAndDeactivationNotifies() {
        UserRecord bob = StoreFixture.user(store, "bob");
        List<StoreChange> seen = new ArrayList<>();
        store.addListener(seen::add);
        UserRecord updated = store.users().update(bob.id(), new UserProfile("bob@example.com", "Bob", true, true), ADMIN);
        assertEquals("bob@example.com", updated.email());
        assertEquals(1, store.users().countActiveAdmins());
        assertTrue(seen.isEmpty());
        store.users().update(bob.id(), new UserProfile(null, "Bob", true, false), ADMIN);
        assertEquals(List.of(new StoreChange.UserDeactivated(bob.id())), seen);
        assertEquals(0, store.users().countActiveAdmins());
        assertEquals("deactivate", StoreFixture.audit(store).getFirst().action());
        assertThrows(StoreNotFoundException.class,
                () -> store.users().update("missing", new UserProfile(null, null, false, true), ADMIN));
    }

    @Test
    void passwordChangeKeepsOnlyTheNewVerifierAndAuditsAFlag() {
        UserRecord bob = StoreFixture.user(store, "bob");
        store.users().setPasswordVerifier(bob.id(), "SCRAM-SHA-256$4096:bmV3$bmV3:bmV3", ADMIN);
        assertEquals("SCRAM-SHA-256$4096:bmV3$bmV3:bmV3", store.users().findById(bob.id()).orElseThrow().passwordVerifier());
        var entry = StoreFixture.audit(store).getFirst();
        assertEquals("set_password", entry.action());
        assertEquals("{\"password_changed\":true}", entry.afterJson());
        assertFalse(StoreFixture.auditText(store).contains("bmV3"));
    }

    @Test
    void recordLoginSetsLastLogin() {
        UserRecord bob = StoreFixture.user(store, "bob");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.users().recordLogin(bob.id(), at);
        assertEquals(at, store.users().findById(bob.id()).orElseThrow().lastLoginAt());
    }

    @Test
    void attributesAreTypedValidatedAndReplacedWhole() {
        UserRecord bob = StoreFixture.user(store, "bob");
        store.attributes().create(new AttributeDefinition("tenant", AttributeType.STRING, null, List.of("acme", "globex")),
                "Tenant", null, ADMIN);
        store.attributes().create(new AttributeDefinition("level", AttributeType.INTEGER, null, List.of()), null, null, ADMIN);
        store.attributes().create(new AttributeDefinition("depts", AttributeType.LIST, null, List.of()), null, null, ADMIN);
        store.attributes().create(new AttributeDefinition("vip", AttributeType.BOOLEAN, null, List.of()), null, null, ADMIN);
        Map<String, AttributeValue> values = Map.of("tenant", new AttributeValue.Text("acme"),
                "level", new AttributeValue.Int(-3), "depts", new AttributeValue.Strings(List.of("a", "b")),
                "vip", new AttributeValue.Bool(true));
        store.users().setAttributes(bob.id(), values, ADMIN);
        assertEquals(values, store.users().attributes(bob.id()));
        store.users().setAttributes(bob.id(), Map.of("vip", new AttributeValue.Bool(false)), ADMIN);
        assertEquals(Map.of("vip", new AttributeValue.Bool(false)), store.users().attributes(bob.id()));
        assertThrows(IllegalArgumentException.class, () -> store.users().setAttributes(bob.id(),
                Map.of("tenant", new AttributeValue.Text("initech")), ADMIN));
        assertThrows(IllegalArgumentException.class, () -> store.users().setAttributes(bob.id(),
                Map.of("level", new AttributeValue.Text("3")), ADMIN));
        assertThrows(IllegalArgumentException.class, () -> store.users().setAttributes(bob.id(),
                Map.of("undefined", new AttributeValue.Text("x")), ADMIN));
        assertEquals(Map.of("vip", new AttributeValue.Bool(false)), store.users().attributes(bob.id()),
                "a refused change leaves the values as they were");
    }

    @Test
    void deleteRemovesMembershipsGrantsAssignmentsAndNotifies() {
        UserRecord bob = StoreFixture.user(store, "bob");
        var role = store.roles().create("analysts", null, ADMIN);
        store.roles().addMember(role.id(), bob.id(), ADMIN);
        var ds = StoreFixture.dataSource(store, "shop");
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.USER, bob.id()), ADMIN);
        var policy = store.policies().create(StoreFixture.filter("p1", "true"), ADMIN);
        store.assignments().create(new Assignment(policy.id(), ds.id(), Scope.USER, bob.id(), 100), ADMIN);
        List<StoreChange> seen = new ArrayList<>();
        store.addListener(seen::add);
        store.users().delete(bob.id(), ADMIN);
        assertTrue(store.users().findById(bob.id()).isEmpty());
        assertTrue(store.roles().members(role.id()).isEmpty());
        assertTrue(store.dataSources().grants(ds.id()).isEmpty());
        assertTrue(store.assignments().listByDataSource(ds.id()).isEmpty());
        assertTrue(seen.contains(new StoreChange.UserDeleted(bob.id())), seen.toString());
        assertThrows(StoreNotFoundException.class, () -> store.users().delete(bob.id(), ADMIN));
    }

    @Test
    void systemCreateStillWorksForSeeding() {
        store.users().create(new NewUser("admin", StoreFixture.VERIFIER, true));
        assertEquals("system", StoreFixture.audit(store).getFirst().actorName());
        assertEquals(1, store.users().count());
    }
}
