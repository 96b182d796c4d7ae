package dev.betweenrows.store.derby;

import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyRecord;
import dev.betweenrows.store.PolicyVersion;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyRepositoryTest {
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

    private static PolicyDraft mask() {
        return new PolicyDraft("mask ssn", PolicyType.COLUMN_MASK, null,
                List.of(Target.of(List.of("public", "raw_*"), List.of("*"), List.of("ssn"))),
                "'***-**-' || RIGHT(ssn, 4)", true);
    }

    @Test
    void createReadsBackExactlyAtVersionOne() {
        PolicyRecord p = store.policies().create(mask(), ADMIN);
        assertEquals(1, p.version());
        assertEquals(mask().toPolicy(p.id(), 1), p.policy());
        assertEquals("root", p.createdBy());
        assertEquals(p, store.policies().findById(p.id()).orElseThrow());
        assertEquals(p, store.policies().findByName("mask ssn").orElseThrow());
        assertThrows(StoreConflictException.class, () -> store.policies().create(mask(), ADMIN));
        PolicyDraft deny = new PolicyDraft("deny secrets", PolicyType.TABLE_DENY, "d",
                List.of(Target.of(List.of("secret"), List.of("*"), null)), null, false);
        store.policies().create(deny, ADMIN);
        assertEquals(List.of("deny secrets", "mask ssn"), store.policies().list().stream()
                .map(r -> r.policy().name()).toList());
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        PolicyRecord p = store.policies().create(mask(), ADMIN);
        PolicyDraft v2 = StoreFixture.filter("mask ssn", "org = {user.username}");
        PolicyRecord updated = store.policies().update(p.id(), 1, v2, ADMIN);
        assertEquals(2, updated.version());
        assertEquals(PolicyType.ROW_FILTER, updated.policy().type());
        StoreConflictException e = assertThrows(StoreConflictException.class,
                () -> store.policies().update(p.id(), 1, mask(), ADMIN));
        assertTrue(e.getMessage().contains("expected version 1"), e.getMessage());
        assertEquals(updated, store.policies().findById(p.id()).orElseThrow(), "a conflict changes nothing");
        assertThrows(StoreNotFoundException.class, () -> store.policies().update("nope", 1, mask(), ADMIN));
        store.policies().create(StoreFixture.filter("other", "true"), ADMIN);
        assertThrows(StoreConflictException.class,
                () -> store.policies().update(p.id(), 2, StoreFixture.filter("other", "true"), ADMIN));
    }

    @Test
    void everyChangeWritesAnImmutableVersionThatOutlivesThePolicy() {
        PolicyRecord p = store.policies().create(mask(), ADMIN);
        store.policies().update(p.id(), 1, StoreFixture.filter("mask ssn", "true"), ADMIN);
        assertThrows(StoreConflictException.class, () -> store.policies().delete(p.id(), 1, ADMIN));
        store.policies().delete(p.id(), 2, ADMIN);
        assertTrue(store.policies().findById(p.id()).isEmpty());
        List<PolicyVersion> versions = store.policies().versions(p.id());
        assertEquals(List.of(1L, 2L, 3L), versions.stream().map(PolicyVersion::version).toList());
        assertEquals(List.of("create", "update", "delete"), versions.stream().map(PolicyVersion::changeType).toList());
        assertTrue(versions.getFirst().snapshotJson().contains("\"mask_expression\":\"'***-**-' || RIGHT(ssn, 4)\""),
                versions.getFirst().snapshotJson());
        assertTrue(versions.get(1).snapshotJson().contains("\"filter_expression\":\"true\""));
    }

    @Test
    void changesBumpThePolicySetVersionAndNotifyAfterCommit() {
        List<StoreChange> seen = new ArrayList<>();
        store.addListener(seen::add);
        long before = store.policySetVersion();
        PolicyRecord p = store.policies().create(mask(), ADMIN);
        assertEquals(before + 1, store.policySetVersion());
        assertEquals(List.of(new StoreChange.PolicySetChanged(before + 1)), seen);
        assertThrows(StoreConflictException.class, () -> store.policies().update(p.id(), 7, mask(), ADMIN));
        assertEquals(before + 1, store.policySetVersion(), "a failed change bumps nothing");
        assertEquals(1, seen.size(), "and notifies nobody");
        var sub = store.addListener(c -> { throw new IllegalStateException("listener bug"); });
        store.policies().update(p.id(), 1, mask(), ADMIN);
        assertEquals(2, seen.size(), "a failing listener does not stop the others or the change");
        sub.close();
    }

    @Test
    void referencingFindsTemplateUses() {
        PolicyRecord uses = store.policies().create(StoreFixture.filter("a", "org = {user.tenant}"), ADMIN);
        store.policies().create(StoreFixture.filter("b", "org = {user.tenant_id}"), ADMIN);
        assertEquals(List.of(uses.id()), store.policies().referencing("tenant").stream().map(PolicyRecord::id).toList());
    }
}
