package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each migration, applied on top of the previous ones, creates exactly its schema objects. */
class MigrationStepsTest {
    @TempDir
    Path dir;

    /** Version → a table (or table.column) it introduces. */
    static Stream<List<String>> steps() {
        return Stream.of(
                List.of("1", "br_user"),
                List.of("2", "br_user_attribute", "br_user.last_login_at"),
                List.of("3", "br_role", "br_role_member", "br_role_parent"),
                List.of("4", "br_attribute_definition"),
                List.of("5", "br_data_source", "br_data_source_access"),
                List.of("6", "br_catalog_schema", "br_catalog_table", "br_catalog_column"),
                List.of("7", "br_policy", "br_policy_version"),
                List.of("8", "br_policy_assignment"),
                List.of("9", "br_admin_audit"),
                List.of("10", "br_store_meta"),
                List.of("11", "br_query_audit"),
                List.of("12", "br_catalog_key"),
                List.of("13", "br_query_audit_block", "br_query_audit_block_stat"));
    }

    @Test
    void everyIndexedMigrationHasAStep() {
        assertEquals(ModuleMigrationResources.index().size(), steps().count());
    }

    @ParameterizedTest
    @MethodSource("steps")
    void migrationCreatesItsObjectsAndNotTheNextOnes(List<String> step) throws SQLException {
        EmbeddedDataSource ds = dataSource();
        int version = Integer.parseInt(step.getFirst());
        flyway(ds, step.getFirst()).migrate();
        try (Connection c = ds.getConnection()) {
            for (String object : step.subList(1, step.size())) {
                assertTrue(exists(c, object), object + " after V" + version);
            }
            steps().filter(s -> Integer.parseInt(s.getFirst()) > version)
                    .flatMap(s -> s.subList(1, s.size()).stream())
                    .forEach(later -> assertFalse(exists(c, later), later + " must not exist yet at V" + version));
        } finally {
            shutdown();
        }
    }

    @Test
    void storeMetaStartsWithVersionOne() throws SQLException {
        EmbeddedDataSource ds = dataSource();
        flyway(ds, "10").migrate();
        try (Connection c = ds.getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT meta_value FROM br_store_meta WHERE meta_key = 'policy_set_version'")) {
            assertTrue(r.next());
            assertEquals(1, r.getLong(1));
        } finally {
            shutdown();
        }
    }

    @Test
    void aStoreCreatedAtV1KeepsItsUsersWhenUpgraded() throws SQLException {
        EmbeddedDataSource ds = dataSource();
        flyway(ds, "1").migrate();
        try (Connection c = ds.getConnection();
             PreparedStatement p = c.prepareStatement("INSERT INTO br_user (id, username, password_verifier, is_admin,"
                     + " is_active, created_at, updated_at) VALUES ('u-1', 'olduser', 'SCRAM-SHA-256$x', TRUE, TRUE, ?, ?)")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
        shutdown();
        try (AdminStore store = StoreFixture.open(dir)) {
            assertEquals("1", store.migrationReport().fromVersion());
            assertEquals(ModuleMigrationResources.index().size() - 1, store.migrationReport().applied().size());
            var old = store.users().findByUsername("olduser").orElseThrow();
            assertTrue(old.admin());
            assertEquals("u-1", old.id());
            assertEquals(null, old.lastLoginAt());
            assertTrue(store.users().attributes("u-1").isEmpty());
        }
    }

    private EmbeddedDataSource dataSource() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("store").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static Flyway flyway(EmbeddedDataSource ds, String target) {
        return Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds)
                .resourceProvider(new ModuleMigrationResources()).table("flyway_schema_history")
                .target(target).load();
    }

    private void shutdown() {
        StoreFixture.shutdown(dir);
    }

    private static boolean exists(Connection c, String object) {
        String[] parts = object.toUpperCase(Locale.ROOT).split("\\.");
        try (ResultSet r = parts.length == 1
                ? c.getMetaData().getTables(null, null, parts[0], null)
                : c.getMetaData().getColumns(null, null, parts[0], parts[1])) {
            return r.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
