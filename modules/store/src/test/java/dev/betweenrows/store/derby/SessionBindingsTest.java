package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.EffectivePolicy;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.TablePolicy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.SessionBinding;
import dev.betweenrows.store.UserProfile;
import dev.betweenrows.store.UserRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code AdminStore.bindings()}: the grant rule and what a granted binding carries. */
class SessionBindingsTest {
    @TempDir
    Path dir;
    AdminStore store;
    DataSourceRecord ds;
    UserRecord bob;

    @BeforeEach
    void open() {
        store = StoreFixture.open(dir);
        ds = StoreFixture.dataSource(store, "shop");
        bob = StoreFixture.user(store, "bob");
        store.catalog().save(ds.id(), List.of(new CatalogSchemaEntry("public", null, true, List.of(
                new CatalogTableEntry("orders", TableKind.TABLE, true, List.of(
                        new CatalogColumnEntry("id", "integer", 1, false, true),
                        new CatalogColumnEntry("tenant", "text", 2, false, true)))))), ADMIN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean bound() {
        return store.bindings().resolve(bob.id(), ds.id()).isPresent();
    }

    @Test
    void withoutAGrantThereIsNoBinding() {
        assertTrue(store.bindings().resolve(bob.id(), ds.id()).isEmpty());
        assertTrue(store.bindings().resolve("no-such-user", ds.id()).isEmpty());
        assertTrue(store.bindings().resolve(bob.id(), "no-such-ds").isEmpty());
        assertTrue(store.bindings().resolve(null, null).isEmpty());
    }

    @Test
    void aUserGrantBindsWithPoliciesAndCatalog() {
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.USER, bob.id()), ADMIN);
        var policy = store.policies().create(StoreFixture.filter("tenant-rows", "tenant = 'acme'"), ADMIN);
        store.assignments().create(new Assignment(policy.id(), ds.id(), Scope.USER, bob.id(), 10), ADMIN);

        SessionBinding b = store.bindings().resolve(bob.id(), ds.id()).orElseThrow();
        assertEquals(bob.id(), b.user().userId());
        assertEquals("bob", b.user().username());
        assertEquals(ds.toRef(), b.dataSource());
        assertEquals(List.of("tenant-rows"), b.policies().policies().stream().map(e -> e.policy().name()).toList());
        assertEquals(List.of(new ColumnInfo("id", "integer"), new ColumnInfo("tenant", "text")),
                b.catalog().find("public", "orders").orElseThrow().columns());
        var orders = new TableRef("public", "orders");
        var columns = b.catalog().tables().getFirst().columns();
        assertTrue(b.policies().forTable(orders, columns).isEmpty(), "policy_required: no column_allow, no table");

        var allow = store.policies().create(new PolicyDraft("orders-ids", PolicyType.COLUMN_ALLOW, null,
                List.of(Target.of(List.of("public"), List.of("orders"), List.of("id"))), null, true), ADMIN);
        store.assignments().create(new Assignment(allow.id(), ds.id(), Scope.USER, bob.id(), 10), ADMIN);
        b = store.bindings().resolve(bob.id(), ds.id()).orElseThrow();
        TablePolicy visible = b.policies().forTable(orders, columns).orElseThrow();
        assertEquals(List.of(new ColumnInfo("id", "integer")), visible.visibleColumns());
        assertEquals(1, visible.rowFilters().size(), "the row filter applies to orders");
    }

    @Test
    void aRoleGrantBindsMembersOfActiveRolesOnly() {
        var role = store.roles().create("readers", null, ADMIN);
        store.roles().addMember(role.id(), bob.id(), ADMIN);
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.ROLE, role.id()), ADMIN);
        assertTrue(bound());
        store.roles().setActive(role.id(), false, ADMIN);
        assertFalse(bound(), "an inactive role grants nothing");
    }

    @Test
    void aGrantToAllBindsEveryActiveUser() {
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.ALL, null), ADMIN);
        assertTrue(bound());
        assertTrue(store.bindings().resolve(StoreFixture.user(store, "carol").id(), ds.id()).isPresent());
    }

    @Test
    void anInactiveDataSourceOrUserIsNotBound() {
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.ALL, null), ADMIN);
        DataSourceSettings s = ds.settings();
        store.dataSources().update(ds.id(), new DataSourceSettings(s.name(), s.host(), s.port(), s.database(),
                s.username(), s.tlsMode(), s.caCert(), s.accessMode(), false, s.defaultSchema()), null, ADMIN);
        assertFalse(bound(), "inactive data source");
        store.dataSources().update(ds.id(), s, null, ADMIN);
        assertTrue(bound());
        store.users().update(bob.id(), new UserProfile(null, null, false, false), ADMIN);
        assertFalse(bound(), "inactive user");
    }

    @Test
    void effectivePoliciesListOnlyThoseReachingTheUser() {
        store.dataSources().grant(new AccessGrant(ds.id(), Scope.ALL, null), ADMIN);
        var mine = store.policies().create(StoreFixture.filter("mine", "true"), ADMIN);
        var others = store.policies().create(StoreFixture.filter("others", "true"), ADMIN);
        var carol = StoreFixture.user(store, "carol");
        store.assignments().create(new Assignment(mine.id(), ds.id(), Scope.USER, bob.id(), 1), ADMIN);
        store.assignments().create(new Assignment(others.id(), ds.id(), Scope.USER, carol.id(), 1), ADMIN);
        List<EffectivePolicy> effective = store.bindings().resolve(bob.id(), ds.id()).orElseThrow().policies().policies();
        assertEquals(List.of(mine.id()), effective.stream().map(e -> e.policy().id()).toList());
    }
}
