package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreLockedException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreMigrationTest {

    @TempDir
    Path data;

    private AdminStore open() {
        return StoreProvider.load().open(new StoreOptions(data.resolve("store"), StoreFixture.randomKey()));
    }

    @Test
    void newStoreAppliesEveryMigrationOnceAndRestartAppliesNone() {
        int expected = ModuleMigrationResources.index().size();
        try (AdminStore store = open()) {
            MigrationReport r = store.migrationReport();
            assertNull(r.fromVersion());
            assertEquals(expected, r.applied().size());
            assertEquals("1", r.applied().getFirst().version());
            assertTrue(store.isHealthy());
            assertEquals(0, store.users().count());
        }
        try (AdminStore store = open()) {
            assertEquals(List.of(), store.migrationReport().applied());
            assertEquals(store.migrationReport().toVersion(), store.migrationReport().fromVersion());
        }
    }

    @Test
    void usersSurviveARestartAndKeepOnlyAVerifier() {
        try (AdminStore store = open()) {
            store.users().create(new NewUser("alice", Passwords.scramVerifier("correct horse".toCharArray()), true));
            assertThrows(StoreException.class,
                    () -> store.users().create(new NewUser("alice", Passwords.scramVerifier("another one".toCharArray()), false)));
        }
        try (AdminStore store = open()) {
            var alice = store.users().findByUsername("alice").orElseThrow();
            assertTrue(alice.admin());
            assertTrue(alice.passwordVerifier().startsWith("SCRAM-SHA-256$4096:"));
            assertFalse(alice.passwordVerifier().contains("correct horse"));
            assertFalse(alice.toString().contains("SCRAM"), "toString must not print the verifier");
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreIsRefused() {
        try (AdminStore first = open()) {
            StoreLockedException e = assertThrows(StoreLockedException.class, this::open);
            assertTrue(e.getMessage().contains("in use by another BetweenRows process"), e.getMessage());
            assertTrue(first.isHealthy(), "the first store keeps working");
        }
        try (AdminStore again = open()) {
            assertTrue(again.isHealthy(), "the lock is released on close");
        }
    }

    @Test
    void theMigrationIndexListsExactlyTheMigrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", ModuleMigrationResources.DIR))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".sql")).sorted().toList();
            assertEquals(onDisk, ModuleMigrationResources.index().stream().sorted().toList());
        }
    }
}
