package dev.betweenrows.server.startup;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditFilter;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rescue-admin command against a real store in a temporary data directory. */
class UserCommandTest {
    private static final String PASSWORD = "Rescue-Me-2024";
    @TempDir
    Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return UserCommand.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("BR_DATA_DIR", data.toString()));
    }

    private AdminStore open() {
        return StoreProvider.load().open(new StoreOptions(data.resolve("store")));
    }

    @Test
    void createsAnAdminWithAScramVerifierFromStandardInput() {
        assertEquals(0, run(PASSWORD + "\r\n", "create", "--username", "rescue", "--password-stdin", "--admin"), err.toString());
        assertTrue(out.toString().contains("created admin user 'rescue'"), out.toString());
        try (AdminStore store = open()) {
            UserRecord u = store.users().findByUsername("rescue").orElseThrow();
            assertTrue(u.admin() && u.active());
            assertTrue(Passwords.matches(PASSWORD.toCharArray(), u.passwordVerifier()), "the line break is not part of the password");
            String audit = store.audit().list(AuditFilter.ALL, PageRequest.FIRST).items().toString();
            assertTrue(audit.contains("cli"), audit);
            assertFalse(audit.contains(PASSWORD) || audit.contains("SCRAM"), audit);
        }
        assertFalse((out.toString() + err.toString()).contains(PASSWORD));
    }

    @Test
    void aDuplicateUserFails() {
        assertEquals(0, run(PASSWORD, "create", "--username", "twice", "--password-stdin"));
        assertEquals(1, run(PASSWORD, "create", "--username", "twice", "--password-stdin"));
        assertTrue(err.toString().contains("already exists"), err.toString());
        try (AdminStore store = open()) {
            assertFalse(store.users().findByUsername("twice").orElseThrow().admin());
        }
    }

    @Test
    void refusesWhileAServerHoldsTheStore() {
        try (AdminStore running = open()) {
            assertEquals(1, run(PASSWORD, "create", "--username", "blocked", "--password-stdin", "--admin"));
            assertTrue(err.toString().contains("in use"), err.toString());
            assertTrue(running.users().findByUsername("blocked").isEmpty());
        }
    }

    @Test
    void invalidInputIsAUsageErrorAndCreatesNothing() {
        assertEquals(2, run(PASSWORD, "create", "--username", "1bad", "--password-stdin"));
        assertEquals(2, run("short", "create", "--username", "shorty", "--password-stdin"));
        assertTrue(err.toString().contains("at least 8"), err.toString());
        assertEquals(2, run("", "create", "--username", "empty", "--password-stdin"));
        assertEquals(2, run(PASSWORD, "create", "--username", "nostdin"));
        assertEquals(2, run(PASSWORD, "create", "--username", "argpw", "--password", PASSWORD));
        assertEquals(2, run(PASSWORD, "create", "--password-stdin"));
        assertEquals(2, run(PASSWORD, "delete", "--username", "x"));
        assertEquals(2, run(PASSWORD));
        assertEquals(2, run(PASSWORD, "create", "--username"));
        assertEquals(2, run(PASSWORD, "create", "--username", "ok-name", "--password-stdin", "--frobnicate"));
        assertFalse(err.toString().contains(PASSWORD), "the rejected --password value is not echoed");
        try (AdminStore store = open()) {
            assertEquals(0, store.users().count());
        }
    }
}
