package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreNotFoundException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.TlsMode;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSourceRepositoryTest {
    private static final String PASSWORD = "upstream-Pa55";
    @TempDir
    Path dir;

    @Test
    void crudNeverShowsThePassword() {
        try (AdminStore store = StoreFixture.open(dir)) {
            DataSourceRecord ds = StoreFixture.dataSource(store, "shop");
            assertTrue(ds.hasPassword());
            assertEquals(TlsMode.VERIFY_FULL, ds.settings().tlsMode());
            assertEquals(AccessMode.POLICY_REQUIRED, ds.toRef().accessMode());
            assertEquals(ds, store.dataSources().findByName("shop").orElseThrow());
            assertThrows(StoreConflictException.class, () -> StoreFixture.dataSource(store, "shop"));
            assertThrows(IllegalArgumentException.class, () -> StoreFixture.settings("bad name"));
            DataSourceSettings changed = new DataSourceSettings("shop2", "h2", 6543, "db2", "u2", TlsMode.DISABLE,
                    "-----BEGIN CERTIFICATE-----", AccessMode.OPEN, false, "sales");
            DataSourceRecord updated = store.dataSources().update(ds.id(), changed, null, ADMIN);
            assertEquals(changed, updated.settings());
            assertArrayEquals(PASSWORD.toCharArray(), store.dataSources().revealPassword(ds.id()).orElseThrow());
            store.dataSources().update(ds.id(), changed, "n3w-secret".toCharArray(), ADMIN);
            assertArrayEquals("n3w-secret".toCharArray(), store.dataSources().revealPassword(ds.id()).orElseThrow());
            assertTrue(StoreFixture.audit(store).getFirst().afterJson().contains("\"password_changed\":true"));
            store.dataSources().update(ds.id(), changed, new char[0], ADMIN);
            assertTrue(store.dataSources().revealPassword(ds.id()).isEmpty());
            assertEquals(List.of("shop2"), store.dataSources().list().stream().map(DataSourceRecord::name).toList());
            String all = StoreFixture.auditText(store) + store.dataSources().list();
            assertFalse(all.contains(PASSWORD) || all.contains("n3w-secret"), all);
            store.dataSources().delete(ds.id(), ADMIN);
            assertTrue(store.dataSources().findById(ds.id()).isEmpty());
            assertThrows(StoreNotFoundException.class, () -> store.dataSources().revealPassword(ds.id()));
        }
    }

    @Test
    void thePasswordIsStoredSealedAndBoundToItsRow() throws SQLException {
        String a;
        String b;
        try (AdminStore store = StoreFixture.open(dir)) {
            a = StoreFixture.dataSource(store, "one").id();
            b = StoreFixture.dataSource(store, "two").id();
        }
        EmbeddedDataSource jdbc = new EmbeddedDataSource();
        jdbc.setDatabaseName(dir.resolve("store").toString());
        try (Connection c = jdbc.getConnection()) {
            try (ResultSet r = c.createStatement().executeQuery("SELECT password_ciphertext FROM br_data_source")) {
                while (r.next()) assertFalse(r.getString(1).contains(PASSWORD));
            }
            // copy row one's ciphertext into row two: it must not open there
            c.createStatement().executeUpdate("UPDATE br_data_source SET password_ciphertext ="
                    + " (SELECT password_ciphertext FROM br_data_source WHERE id = '" + a + "') WHERE id = '" + b + "'");
        }
        shutdown();
        try (AdminStore store = StoreProvider.load().open(new StoreOptions(dir.resolve("store"), StoreFixture.randomKey()))) {
            assertThrows(StoreException.class, () -> store.dataSources().revealPassword(a), "another key does not open it");
        }
    }

    @Test
    void aSwappedCiphertextDoesNotOpen() throws SQLException {
        byte[] key = StoreFixture.randomKey();
        String a;
        String b;
        try (AdminStore store = StoreProvider.load().open(new StoreOptions(dir.resolve("store"), key))) {
            a = StoreFixture.dataSource(store, "one").id();
            b = StoreFixture.dataSource(store, "two").id();
        }
        EmbeddedDataSource jdbc = new EmbeddedDataSource();
        jdbc.setDatabaseName(dir.resolve("store").toString());
        try (Connection c = jdbc.getConnection()) {
            c.createStatement().executeUpdate("UPDATE br_data_source SET password_ciphertext ="
                    + " (SELECT password_ciphertext FROM br_data_source WHERE id = '" + a + "') WHERE id = '" + b + "'");
        }
        shutdown();
        try (AdminStore store = StoreProvider.load().open(new StoreOptions(dir.resolve("store"), key))) {
            assertArrayEquals(PASSWORD.toCharArray(), store.dataSources().revealPassword(a).orElseThrow());
            assertThrows(StoreException.class, () -> store.dataSources().revealPassword(b));
        }
    }

    @Test
    void withoutAKeyPasswordsAreRefusedNotStoredInTheClear() {
        try (AdminStore store = StoreProvider.load().open(new StoreOptions(dir.resolve("store")))) {
            assertThrows(StoreException.class, () -> StoreFixture.dataSource(store, "shop"));
            assertTrue(store.dataSources().list().isEmpty(), "the failed create left nothing behind");
            DataSourceRecord open = store.dataSources().create(StoreFixture.settings("nopass"), null, ADMIN);
            assertFalse(open.hasPassword());
        }
    }

    @Test
    void grantsForUserRoleAndAllAndRevocationNotifies() {
        try (AdminStore store = StoreFixture.open(dir)) {
            var ds = StoreFixture.dataSource(store, "shop");
            var bob = StoreFixture.user(store, "bob");
            var role = store.roles().create("analysts", null, ADMIN);
            AccessGrant toBob = new AccessGrant(ds.id(), Scope.USER, bob.id());
            AccessGrant toRole = new AccessGrant(ds.id(), Scope.ROLE, role.id());
            AccessGrant toAll = new AccessGrant(ds.id(), Scope.ALL, null);
            store.dataSources().grant(toBob, ADMIN);
            store.dataSources().grant(toRole, ADMIN);
            store.dataSources().grant(toAll, ADMIN);
            assertEquals(List.of(toBob, toRole, toAll), store.dataSources().grants(ds.id()));
            assertEquals(3, store.dataSources().allGrants().size());
            assertThrows(StoreConflictException.class, () -> store.dataSources().grant(toAll, ADMIN));
            assertThrows(StoreNotFoundException.class, () -> store.dataSources().grant(
                    new AccessGrant(ds.id(), Scope.USER, "ghost"), ADMIN));
            var inactive = store.roles().create("retired", null, ADMIN);
            store.roles().setActive(inactive.id(), false, ADMIN);
            assertThrows(IllegalArgumentException.class, () -> store.dataSources().grant(
                    new AccessGrant(ds.id(), Scope.ROLE, inactive.id()), ADMIN));
            List<StoreChange> seen = new ArrayList<>();
            store.addListener(seen::add);
            store.dataSources().revoke(toAll, ADMIN);
            assertTrue(seen.contains(new StoreChange.AccessRevoked(ds.id(), Scope.ALL, null)), seen.toString());
            assertEquals(List.of(toBob, toRole), store.dataSources().grants(ds.id()));
            assertThrows(StoreNotFoundException.class, () -> store.dataSources().revoke(toAll, ADMIN));
        }
    }

    private void shutdown() {
        StoreFixture.shutdown(dir);
    }
}
