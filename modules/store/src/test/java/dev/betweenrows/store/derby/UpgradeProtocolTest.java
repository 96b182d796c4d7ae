package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreStatus;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up migration protocol on real embedded stores: backup, restore on failure, downgrade and drift guards. */
class UpgradeProtocolTest {
    @TempDir
    Path data;

    private Path store() {
        return data.resolve("store");
    }

    private StoreOptions options() {
        return new StoreOptions(store(), StoreFixture.randomKey(), 5);
    }

    private String latest() {
        return Migrations.latestKnown(new ModuleMigrationResources());
    }

    @Test
    void aV1StoreWithDataIsBackedUpThenMigratedWithTheDataIntact() throws Exception {
        createV1StoreWithUser();
        try (AdminStore s = DerbyAdminStore.open(options())) {
            assertEquals("1", s.migrationReport().fromVersion());
            assertEquals(latest(), s.migrationReport().toVersion());
            assertEquals(ModuleMigrationResources.index().size() - 1, s.migrationReport().applied().size());
            assertEquals("u-1", s.users().findByUsername("olduser").orElseThrow().id());
        }
        List<Path> backups = backups();
        assertEquals(1, backups.size());
        assertTrue(backups.getFirst().getFileName().toString().startsWith("pre-1-to-" + latest() + "-"), backups.toString());
        assertEquals("1", Backups.verify(Backups.databaseIn(backups.getFirst())), "the backup opens at the old version");
        try (AdminStore s = DerbyAdminStore.open(options())) {
            assertEquals(List.of(), s.migrationReport().applied());
        }
        assertEquals(1, backups().size(), "no backup when nothing is pending");
    }

    @Test
    void aFailingMigrationLeavesTheStoreAsItWasAndNamesVersionAndBackup() throws Exception {
        try (AdminStore s = DerbyAdminStore.open(options())) {
            StoreFixture.user(s, "keeper");
        }
        StoreException e = assertThrows(StoreException.class,
                () -> DerbyAdminStore.open(options(), new ModuleMigrationResources("db/failing/")));
        Path backup = backups().getFirst();
        assertTrue(e.getMessage().contains("migration V999 failed"), e.getMessage());
        assertTrue(e.getMessage().contains(backup.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unchanged at schema version " + latest()), e.getMessage());
        try (AdminStore s = DerbyAdminStore.open(options())) {   // the previous binary starts on it
            assertEquals(List.of(), s.migrationReport().applied());
            assertEquals(latest(), s.migrationReport().toVersion());
            assertTrue(s.users().findByUsername("keeper").isPresent());
        }
        try (Connection c = StoreFiles.dataSource(store(), false).getConnection();
             ResultSet r = c.getMetaData().getTables(null, null, "BR_BROKEN", null)) {
            assertFalse(r.next(), "nothing of the failed migration remains");
        } finally {
            StoreFiles.shutdown(store());
        }
        try (Stream<Path> s = Files.list(data)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("store.failed-")), "failed attempt kept aside");
        }
    }

    @Test
    void aStoreWithAnUnknownFutureMigrationIsRefusedBeforeAnythingIsTouched() throws Exception {
        createV1StoreWithUser();
        DerbyAdminStore.open(options()).close();   // upgrade: leaves a pre-1-to-N backup
        Path backup = backups().getFirst();
        sql("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") VALUES (100, '99',"
                + " 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'APP', CURRENT_TIMESTAMP, 1, TRUE)");
        long before = historyRows();
        StoreException e = assertThrows(StoreException.class, () -> DerbyAdminStore.open(options()));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("only knows up to version " + latest()), e.getMessage());
        assertTrue(e.getMessage().contains(backup.toString()), e.getMessage());
        assertEquals(before, historyRows());
        assertEquals(1, backups().size(), "no backup taken for a refused store");
        StoreStatus status = new DerbyStoreProvider().status(options());
        assertEquals(List.of("99"), status.unknownApplied());
    }

    @Test
    void checksumDriftOfAnAppliedMigrationIsRefused() throws Exception {
        DerbyAdminStore.open(options()).close();
        sql("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '5'");
        StoreException e = assertThrows(StoreException.class, () -> DerbyAdminStore.open(options()));
        assertTrue(e.getMessage().contains("V5") && e.getMessage().contains("checksum drift"), e.getMessage());
        assertTrue(backups().isEmpty());
    }

    @Test
    void statusReportsPendingWithoutMigrating() throws Exception {
        createV1StoreWithUser();
        StoreStatus status = new DerbyStoreProvider().status(options());
        assertEquals("1", status.schemaVersion());
        assertEquals(latest(), status.latestKnown());
        assertEquals(ModuleMigrationResources.index().size() - 1, status.pending().size());
        assertEquals("2", status.pending().getFirst().version());
        assertEquals("1", new DerbyStoreProvider().status(options()).schemaVersion(), "status changed nothing");
        StoreStatus none = new DerbyStoreProvider().status(new StoreOptions(data.resolve("other/store")));
        assertEquals(null, none.schemaVersion());
        assertFalse(Files.exists(data.resolve("other/store")), "status creates no store");
    }

    @Test
    void pruningKeepsTheNewestAutomaticBackups() throws IOException {
        Path dir = data.resolve("backups");
        for (int i = 0; i < 7; i++) {
            Files.createDirectories(Backups.preMigrationDir(dir, String.valueOf(9 - i), "12", Instant.ofEpochSecond(1_000_000 + i)));
        }
        Files.createDirectories(dir.resolve("manual"));
        Backups.prune(dir, 5);
        List<String> left = backups().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(5, left.size(), left.toString());
        assertFalse(left.stream().anyMatch(n -> n.startsWith("pre-9-") || n.startsWith("pre-8-")), left.toString());
        assertTrue(Files.isDirectory(dir.resolve("manual")), "only automatic backups are pruned");
        assertTrue(Backups.newest(dir).orElseThrow().getFileName().toString().startsWith("pre-3-"));
    }

    private List<Path> backups() throws IOException {
        Path dir = data.resolve("backups");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pre-")).sorted().toList();
        }
    }

    private void createV1StoreWithUser() throws SQLException {
        EmbeddedDataSource ds = StoreFiles.dataSource(store(), true);
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds)
                .resourceProvider(new ModuleMigrationResources()).table("flyway_schema_history").target("1").load().migrate();
        try (Connection c = ds.getConnection();
             PreparedStatement p = c.prepareStatement("INSERT INTO br_user (id, username, password_verifier, is_admin,"
                     + " is_active, created_at, updated_at) VALUES ('u-1', 'olduser', 'SCRAM-SHA-256$x', TRUE, TRUE, ?, ?)")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.executeUpdate();
        } finally {
            StoreFiles.shutdown(store());
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = StoreFiles.dataSource(store(), false).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } finally {
            StoreFiles.shutdown(store());
        }
    }

    private long historyRows() throws SQLException {
        try (Connection c = StoreFiles.dataSource(store(), false).getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            r.next();
            return r.getLong(1);
        } finally {
            StoreFiles.shutdown(store());
        }
    }
}
