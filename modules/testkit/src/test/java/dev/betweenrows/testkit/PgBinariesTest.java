package dev.betweenrows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBinariesTest {

    private static final Path NO_DEBIAN_ROOT = Path.of("/nonexistent/postgresql");

    @Test
    void locatesAllThreePrograms() {
        PgBinaries bin = PgBinaries.locate();
        assertTrue(Files.isExecutable(bin.initdb()));
        assertTrue(Files.isExecutable(bin.pgCtl()));
        assertTrue(Files.isExecutable(bin.postgres()));
    }

    @Test
    void explicitDirectoryWins() {
        Path real = PgBinaries.locate().binDir();
        assertEquals(real, PgBinaries.locate(Map.of(PgBinaries.ENV_VAR, real.toString()), NO_DEBIAN_ROOT).binDir());
    }

    @Test
    void explicitDirectoryWithoutProgramsIsAnError(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PgBinaries.locate(Map.of(PgBinaries.ENV_VAR, empty.toString()), NO_DEBIAN_ROOT));
        assertTrue(e.getMessage().contains(PgBinaries.ENV_VAR));
    }

    @Test
    void pathEntryIsFollowedThroughSymlinks(@TempDir Path dir) throws IOException {
        Path real = PgBinaries.locate().binDir();
        Files.createSymbolicLink(dir.resolve("pg_ctl"), real.resolve("pg_ctl"));
        PgBinaries found = PgBinaries.locate(Map.of("PATH", "/nonexistent:" + dir), NO_DEBIAN_ROOT);
        assertEquals(real.toRealPath(), found.binDir());
    }

    @Test
    void nothingFoundIsAnErrorNamingTheEnvVar(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PgBinaries.locate(Map.of("PATH", dir.toString()), NO_DEBIAN_ROOT));
        assertTrue(e.getMessage().contains(PgBinaries.ENV_VAR));
    }

    @Test
    void highestDebianVersionWins(@TempDir Path root) throws IOException {
        for (String version : new String[] {"9.6", "15", "100"}) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
                Files.createFile(bin.resolve(program), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        }
        Files.createDirectories(root.resolve("200/bin")); // incomplete: skipped
        assertEquals(root.resolve("100/bin"), PgBinaries.locate(Map.of(), root).binDir());
    }
}
