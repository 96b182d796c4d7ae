package dev.betweenrows.store.derby;

import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRecord;
import dev.betweenrows.store.PolicyVersion;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentRepositoryTest {
    @TempDir
    Path dir;
    AdminStore store;
    String ds;
    String policy;
    String bob;

    @BeforeEach
    void open() {
        store = StoreFixture.open(dir);
        ds = StoreFixture.dataSource(store, "shop").id();
        policy = store.policies().create(StoreFixture.filter("p1", "true"), ADMIN).id();
        bob = StoreFixture.user(store, "bob").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createListAndDuplicates() {
        AssignmentRecord all = store.assignments().create(new Assignment(policy, ds, Scope.ALL, null, 100), ADMIN);
        AssignmentRecord user = store.assignments().create(new Assignment(policy, ds, Scope.USER, bob, 5), ADMIN);
        assertEquals(all, store.assignments().findById(all.id()).orElseThrow());
        assertEquals(List.of(user, all), store.assignments().listByDataSource(ds), "by priority");
        assertEquals(List.of(user, all), store.assignments().listByPolicy(policy));
        assertEquals(2, store.assignments().listAll().size());
        assertThrows(StoreConflictException.class,
                () -> store.assignments().create(new Assignment(policy, ds, Scope.ALL, null, 1), ADMIN));
        assertThrows(StoreNotFoundException.class,
                () -> store.assignments().create(new Assignment(policy, ds, Scope.ROLE, "ghost", 1), ADMIN));
        assertThrows(StoreNotFoundException.class,
                () -> store.assignments().create(new Assignment("nope", ds, Scope.ALL, null, 1), ADMIN));
    }

    @Test
    void updateChangesScopeAndPriorityInPlace() {
        AssignmentRecord a = store.assignments().create(new Assignment(policy, ds, Scope.ALL, null, 100), ADMIN);
        var role = store.roles().create("analysts", null, ADMIN);
        AssignmentRecord moved = store.assignments().update(a.id(), Scope.ROLE, role.id(), 10, ADMIN);
        assertEquals(new Assignment(policy, ds, Scope.ROLE, role.id(), 10), moved.assignment());
        assertEquals(a.id(), moved.id());
        store.assignments().create(new Assignment(policy, ds, Scope.USER, bob, 1), ADMIN);
        assertThrows(StoreConflictException.class, () -> store.assignments().update(a.id(), Scope.USER, bob, 3, ADMIN));
        assertThrows(IllegalArgumentException.class, () -> store.assignments().update(a.id(), Scope.ALL, bob, 3, ADMIN));
    }

    @Test
    void everyChangeVersionsThePolicySoConcurrentEditsConflict() {
        AssignmentRecord a = store.assignments().create(new Assignment(policy, ds, Scope.USER, bob, 100), ADMIN);
        assertEquals(2, store.policies().findById(policy).orElseThrow().version());
        store.assignments().update(a.id(), Scope.USER, bob, 50, ADMIN);
        store.assignments().delete(a.id(), ADMIN);
        assertTrue(store.assignments().findById(a.id()).isEmpty());
        assertEquals(List.of("create", "assign", "reassign", "unassign"),
                store.policies().versions(policy).stream().map(PolicyVersion::changeType).toList());
        assertTrue(store.policies().versions(policy).get(1).snapshotJson().contains("\"scope\":\"user\""));
        assertThrows(StoreConflictException.class,
                () -> store.policies().update(policy, 1, StoreFixture.filter("p1", "false"), ADMIN));
        assertThrows(StoreNotFoundException.class, () -> store.assignments().delete(a.id(), ADMIN));
        assertEquals("unassign", StoreFixture.audit(store).getFirst().action());
    }
}
