package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.AttributeReferences;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeDefinitionRepositoryTest {
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

    private static AttributeDefinition tenant() {
        return new AttributeDefinition("tenant", AttributeType.STRING, new AttributeValue.Text("acme"),
                List.of("acme", "globex"));
    }

    @Test
    void crudKeepsTypesDefaultsAndAllowedValues() {
        AttributeDefinitionRecord created = store.attributes().create(tenant(), "Tenant", "the customer", ADMIN);
        assertEquals(tenant(), created.definition());
        assertEquals("user", created.entityType());
        assertEquals(created, store.attributes().findByKey("tenant").orElseThrow());
        assertThrows(StoreConflictException.class, () -> store.attributes().create(tenant(), null, null, ADMIN));
        AttributeDefinition depts = new AttributeDefinition("depts", AttributeType.LIST,
                new AttributeValue.Strings(List.of("a")), List.of("a", "b"));
        store.attributes().create(depts, null, null, ADMIN);
        assertEquals(List.of("depts", "tenant"), store.attributes().list().stream().map(AttributeDefinitionRecord::key).toList());
        assertEquals(depts, store.attributes().findByKey("depts").orElseThrow().definition());
        AttributeDefinition level = new AttributeDefinition("tenant", AttributeType.INTEGER, new AttributeValue.Int(7), List.of());
        AttributeDefinitionRecord updated = store.attributes().update("tenant", level, "Level", null, ADMIN);
        assertEquals(level, updated.definition());
        assertEquals("Level", updated.displayName());
        assertThrows(IllegalArgumentException.class, () -> store.attributes().update("depts", level, null, null, ADMIN));
        assertThrows(StoreNotFoundException.class, () -> store.attributes().update("nokey",
                new AttributeDefinition("nokey", AttributeType.BOOLEAN, null, List.of()), null, null, ADMIN));
    }

    @Test
    void deleteIsRefusedWhileAPolicyUsesTheKeyUnlessForced() {
        store.attributes().create(tenant(), null, null, ADMIN);
        var p = store.policies().create(StoreFixture.filter("tenant rows", "org = {user.tenant}"), ADMIN);
        store.policies().create(StoreFixture.filter("other", "org = '{user.tenant}' AND {user.username} = 'x'"), ADMIN);
        AttributeReferences refs = store.attributes().references("tenant");
        assertEquals(List.of(p.id()), refs.policyIds(), "a placeholder inside a string literal is not a use");
        StoreConflictException e = assertThrows(StoreConflictException.class,
                () -> store.attributes().delete("tenant", false, ADMIN));
        assertTrue(e.getMessage().contains("1 policies"), e.getMessage());
        assertTrue(store.attributes().findByKey("tenant").isPresent());
        store.attributes().delete("tenant", true, ADMIN);
        assertTrue(store.attributes().findByKey("tenant").isEmpty());
        assertTrue(store.policies().findById(p.id()).isPresent(), "the policy stays (and fails closed when bound)");
        assertTrue(StoreFixture.audit(store).getFirst().afterJson().contains("\"forced\":true"));
    }

    @Test
    void deleteIsRefusedWhileUsersHoldAValueAndForceRemovesTheValues() {
        store.attributes().create(tenant(), null, null, ADMIN);
        var bob = StoreFixture.user(store, "bob");
        store.users().setAttributes(bob.id(), Map.of("tenant", new AttributeValue.Text("globex")), ADMIN);
        assertEquals(1, store.attributes().references("tenant").usersWithValue());
        assertThrows(StoreConflictException.class, () -> store.attributes().delete("tenant", false, ADMIN));
        assertEquals(1, store.attributes().delete("tenant", true, ADMIN).usersWithValue());
        assertTrue(store.users().attributes(bob.id()).isEmpty());
    }

    @Test
    void unusedKeyDeletesWithoutForce() {
        store.attributes().create(tenant(), null, null, ADMIN);
        assertTrue(store.attributes().delete("tenant", false, ADMIN).isEmpty());
        assertThrows(StoreNotFoundException.class, () -> store.attributes().delete("tenant", false, ADMIN));
    }
}
