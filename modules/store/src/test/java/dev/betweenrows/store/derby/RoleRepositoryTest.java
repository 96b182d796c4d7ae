package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Membership;
import dev.betweenrows.policy.RoleEdge;
import dev.betweenrows.policy.RoleGraph;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.RoleImpact;
import dev.betweenrows.store.RoleRecord;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleRepositoryTest {
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

    private RoleRecord role(String name) {
        return store.roles().create(name, null, ADMIN);
    }

    @Test
    void crudAndUniqueNames() {
        RoleRecord r = store.roles().create("analysts", "reads reports", ADMIN);
        assertEquals(r, store.roles().findById(r.id()).orElseThrow());
        assertEquals(r.id(), store.roles().findByName("analysts").orElseThrow().id());
        assertThrows(StoreConflictException.class, () -> role("analysts"));
        assertThrows(IllegalArgumentException.class, () -> role("1bad"));
        RoleRecord renamed = store.roles().update(r.id(), "readers", null, ADMIN);
        assertEquals("readers", renamed.name());
        assertEquals(null, renamed.description());
        role("admins");
        assertEquals(List.of("admins", "readers"), store.roles().list().stream().map(RoleRecord::name).toList());
        assertThrows(StoreConflictException.class, () -> store.roles().update(r.id(), "admins", null, ADMIN));
        assertEquals(List.of("update", "create"), StoreFixture.audit(store).stream().skip(1).limit(2)
                .map(e -> e.action()).toList());
    }

    @Test
    void deactivateAndReactivateBumpThePolicySetVersion() {
        RoleRecord r = role("analysts");
        long v = store.policySetVersion();
        assertFalse(store.roles().setActive(r.id(), false, ADMIN).active());
        assertEquals(v + 1, store.policySetVersion());
        assertEquals("deactivate", StoreFixture.audit(store).getFirst().action());
        assertTrue(store.roles().setActive(r.id(), true, ADMIN).active());
        assertEquals("reactivate", StoreFixture.audit(store).getFirst().action());
    }

    @Test
    void membersAddRemoveAndDuplicates() {
        RoleRecord r = role("analysts");
        var bob = StoreFixture.user(store, "bob");
        store.roles().addMember(r.id(), bob.id(), ADMIN);
        assertEquals(List.of(new Membership(bob.id(), r.id())), store.roles().members(r.id()));
        assertThrows(StoreConflictException.class, () -> store.roles().addMember(r.id(), bob.id(), ADMIN));
        assertThrows(StoreNotFoundException.class, () -> store.roles().addMember(r.id(), "ghost", ADMIN));
        store.roles().removeMember(r.id(), bob.id(), ADMIN);
        assertTrue(store.roles().members(r.id()).isEmpty());
        assertThrows(StoreNotFoundException.class, () -> store.roles().removeMember(r.id(), bob.id(), ADMIN));
    }

    @Test
    void parentsFormADagAndCyclesAreRefusedWithThePath() {
        RoleRecord a = role("role_a");
        RoleRecord b = role("role_b");
        RoleRecord c = role("role_c");
        store.roles().addParent(a.id(), b.id(), ADMIN);
        store.roles().addParent(b.id(), c.id(), ADMIN);
        assertEquals(List.of(new RoleEdge(a.id(), b.id())), store.roles().parents(a.id()));
        StoreConflictException e = assertThrows(StoreConflictException.class,
                () -> store.roles().addParent(c.id(), a.id(), ADMIN));
        assertTrue(e.getMessage().contains("role_c -> role_a -> role_b -> role_c"), e.getMessage());
        assertThrows(StoreConflictException.class, () -> store.roles().addParent(a.id(), a.id(), ADMIN));
        assertThrows(StoreConflictException.class, () -> store.roles().addParent(a.id(), b.id(), ADMIN));
        assertEquals(2, store.roles().graph().edges().size(), "refused edges are not stored");
        var bob = StoreFixture.user(store, "bob");
        store.roles().addMember(a.id(), bob.id(), ADMIN);
        assertEquals(Set.of(a.id(), b.id(), c.id()), store.roles().graph().activeRolesOf(bob.id()));
        store.roles().removeParent(a.id(), b.id(), ADMIN);
        assertEquals(Set.of(a.id()), store.roles().graph().activeRolesOf(bob.id()));
        assertThrows(StoreNotFoundException.class, () -> store.roles().removeParent(a.id(), b.id(), ADMIN));
    }

    @Test
    void chainsLongerThanTheLimitAreRefused() {
        List<RoleRecord> chain = new ArrayList<>();
        for (int i = 0; i < RoleGraph.MAX_DEPTH + 1; i++) chain.add(role("level" + i));
        for (int i = 0; i < RoleGraph.MAX_DEPTH - 1; i++) {
            store.roles().addParent(chain.get(i).id(), chain.get(i + 1).id(), ADMIN);
        }
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.roles().addParent(
                chain.get(RoleGraph.MAX_DEPTH - 1).id(), chain.get(RoleGraph.MAX_DEPTH).id(), ADMIN));
        assertTrue(e.getMessage().contains("limit is " + RoleGraph.MAX_DEPTH), e.getMessage());
    }

    @Test
    void deleteCascadesAndReportsImpact() {
        RoleRecord parent = role("parent");
        RoleRecord child = role("child");
        store.roles().addParent(child.id(), parent.id(), ADMIN);
        var bob = StoreFixture.user(store, "bob");
        var eve = StoreFixture.user(store, "eve");
        store.roles().addMember(parent.id(), bob.id(), ADMIN);
        store.roles().addMember(child.id(), eve.id(), ADMIN);
        var ds = StoreFixture.dataSource(store, "shop");
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.ROLE, parent.id()), ADMIN);
        var p = store.policies().create(StoreFixture.filter("p1", "true"), ADMIN);
        store.assignments().create(new Assignment(p.id(), ds.id(), Scope.ROLE, parent.id(), 10), ADMIN);
        RoleImpact impact = store.roles().delete(parent.id(), ADMIN);
        assertEquals(new RoleImpact(2, 1, 1), impact);
        assertTrue(store.roles().findById(parent.id()).isEmpty());
        assertTrue(store.roles().parents(child.id()).isEmpty());
        assertTrue(store.assignments().listAll().isEmpty());
        assertTrue(store.dataSources().grants(ds.id()).isEmpty());
        assertTrue(StoreFixture.audit(store).getFirst().afterJson().contains("\"affected_users\":2"));
    }
}
