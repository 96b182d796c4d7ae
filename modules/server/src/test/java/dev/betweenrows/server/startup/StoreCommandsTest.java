package dev.betweenrows.server.startup;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maintenance commands against a real store in a temporary data directory. */
class StoreCommandsTest {
    private static final String VERIFIER = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy";
    @TempDir
    Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int store(String command, String... args) {
        out.reset();
        err.reset();
        return StoreCommands.run(command, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("BR_DATA_DIR", data.toString()));
    }

    private int policies(String... args) {
        out.reset();
        err.reset();
        return PolicyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("BR_DATA_DIR", data.toString()));
    }

    private AdminStore open() {
        return StoreProvider.load().open(new StoreOptions(data.resolve("store")));
    }

    @Test
    void versionAndDryRunOnANewDataDirChangeNothing() {
        assertEquals(0, store("version"));
        assertTrue(out.toString().contains("store schema version: none"), out.toString());
        assertEquals(0, store("migrate", "--dry-run"));
        assertTrue(out.toString().contains("pending: V1"), out.toString());
        assertFalse(Files.exists(data.resolve("store")), "a dry run creates no store");
        assertEquals(0, store("migrate"));
        assertEquals(0, store("version"));
        assertTrue(out.toString().contains("pending migrations: none"), out.toString());
    }

    @Test
    void backupThenRestoreGivesTheSameExport() throws Exception {
        try (AdminStore s = open()) {
            s.users().create(new NewUser("alice", VERIFIER, false));
            var role = s.roles().create("analysts", "reads", Actor.SYSTEM);
            s.roles().addMember(role.id(), s.users().findByUsername("alice").orElseThrow().id(), Actor.SYSTEM);
        }
        assertEquals(0, policies("export", "--out", data.resolve("before.yaml").toString()));
        assertEquals(0, store("backup", "--to", data.resolve("bk").toString()), err.toString());
        Files.writeString(data.resolve("changed.yaml"),
                Files.readString(data.resolve("before.yaml")).replace("description: reads", "description: changed"));
        assertEquals(0, policies("import", data.resolve("changed.yaml").toString()), err.toString());
        assertTrue(out.toString().contains("update role analysts"), out.toString());
        try (AdminStore running = open()) {
            assertEquals(1, store("restore", "--from", data.resolve("bk").toString()));
            assertTrue(err.toString().contains("in use"), err.toString());
            assertTrue(running.isHealthy());
        }
        assertEquals(0, store("restore", "--from", data.resolve("bk").toString()), err.toString());
        assertTrue(out.toString().contains("store.replaced-"), out.toString());
        assertEquals(0, policies("export", "--out", data.resolve("after.yaml").toString()));
        assertEquals(Files.readString(data.resolve("before.yaml")), Files.readString(data.resolve("after.yaml")));
        assertEquals(1, store("restore", "--from", data.resolve("nothing-here").toString()));
        assertEquals(0, policies("export"));
        assertTrue(out.toString().contains("description: reads"), "a refused restore left the store alone");
    }

    @Test
    void aRefusedImportPrintsEveryProblemAndExitsThree() throws Exception {
        open().close();
        Files.writeString(data.resolve("bad.yaml"), "betweenrows_policies: 1\nroles:\n- name: r\n  members: [ghost]\n");
        assertEquals(PolicyCommand.REFUSED, policies("import", data.resolve("bad.yaml").toString(), "--dry-run"));
        assertTrue(err.toString().contains("line 4") && err.toString().contains("unknown user 'ghost'"), err.toString());
    }
}
