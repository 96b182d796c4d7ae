package dev.betweenrows.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory holding the PostgreSQL server programs (initdb, pg_ctl, postgres).
 * Looked up in this order: env var {@code BR_PG_BIN}, the highest {@code /usr/lib/postgresql/<n>/bin}
 * (Debian/Ubuntu layout), then {@code pg_ctl} on PATH (symlinks resolved, since Debian links
 * /usr/local/bin or /usr/bin entries into the versioned directory).
 */
public record PgBinaries(Path binDir) {

    /** Env var naming the bin directory explicitly. */
    public static final String ENV_VAR = "BR_PG_BIN";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    public Path initdb() { return binDir.resolve("initdb"); }
    public Path pgCtl() { return binDir.resolve("pg_ctl"); }
    public Path postgres() { return binDir.resolve("postgres"); }

    /** Locates the binaries from the real environment. */
    public static PgBinaries locate() {
        return locate(System.getenv(), DEBIAN_ROOT);
    }

    static PgBinaries locate(Map<String, String> env, Path debianRoot) {
        String explicit = env.get(ENV_VAR);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit);
            if (!complete(dir)) {
                throw new IllegalStateException(ENV_VAR + "=" + explicit
                        + " does not contain executable " + PROGRAMS);
            }
            return new PgBinaries(dir);
        }
        return highestDebianVersion(debianRoot)
                .or(() -> onPath(env.getOrDefault("PATH", "")))
                .map(PgBinaries::new)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries " + PROGRAMS
                        + " not found in " + debianRoot + "/<version>/bin or on PATH;"
                        + " install the postgresql package or set " + ENV_VAR));
    }

    private static Optional<Path> highestDebianVersion(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .map(v -> v.resolve("bin"))
                    .filter(PgBinaries::complete)
                    .max(Comparator.comparing(bin -> versionKey(bin.getParent()), Arrays::compare));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int[] versionKey(Path versionDir) {
        return Arrays.stream(versionDir.getFileName().toString().split("\\."))
                .mapToInt(Integer::parseInt).toArray();
    }

    private static Optional<Path> onPath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path pgCtl = Path.of(entry, "pg_ctl");
            if (Files.isExecutable(pgCtl)) {
                try {
                    Path dir = pgCtl.toRealPath().getParent();
                    if (complete(dir)) {
                        return Optional.of(dir);
                    }
                } catch (IOException e) {
                    // dangling link: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private static boolean complete(Path dir) {
        return PROGRAMS.stream().allMatch(p -> Files.isExecutable(dir.resolve(p)));
    }
}
