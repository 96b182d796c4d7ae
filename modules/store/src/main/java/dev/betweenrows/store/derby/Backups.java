package dev.betweenrows.store.derby;

import dev.betweenrows.store.StoreException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Derby backups: the online backup procedure (a consistent copy while the database runs), the
 * automatic {@code pre-<from>-to-<to>-<timestamp>} directories and their pruning, and the checks and
 * file moves of a restore.
 */
final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = 18;

    private Backups() {}

    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** {@code <backups>/pre-<from>-to-<to>-<timestamp>}. */
    static Path preMigrationDir(Path backupsDir, String from, String to, Instant at) {
        return backupsDir.resolve("pre-" + from + "-to-" + to + "-" + stamp(at));
    }

    /**
     * Runs {@code SYSCS_BACKUP_DATABASE} into {@code target} (created; must be empty). Derby writes the
     * copy as {@code target/<database directory name>}; returns {@code target}.
     */
    static Path backup(DataSource ds, Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isPresent())
                        throw new StoreException("backup directory " + target + " is not empty");
                }
            }
            Files.createDirectories(target);
            try (Connection c = ds.getConnection();
                 CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toAbsolutePath().toString());
                call.execute();
            }
            return target;
        } catch (IOException | SQLException e) {
            throw new StoreException("admin store backup into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Keeps the newest {@code keep} automatic backups. */
    static void prune(Path backupsDir, int keep) {
        List<Path> all = automatic(backupsDir);
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) deleteTree(old);
    }

    /** The newest automatic backup, if any. */
    static Optional<Path> newest(Path backupsDir) {
        List<Path> all = automatic(backupsDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Automatic backups, oldest first (by the timestamp that ends their name). */
    private static List<Path> automatic(Path backupsDir) {
        if (!Files.isDirectory(backupsDir)) return List.of();
        try (Stream<Path> dirs = Files.list(backupsDir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("pre-")
                            && p.getFileName().toString().length() > STAMP_LENGTH)
                    .sorted(Comparator.comparing((Path p) -> {
                        String n = p.getFileName().toString();
                        return n.substring(n.length() - STAMP_LENGTH);
                    }))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database inside a backup directory: the directory itself or its single database subdirectory. */
    static Path databaseIn(Path backupDir) {
        Path dir = backupDir.toAbsolutePath().normalize();
        if (StoreFiles.exists(dir)) return dir;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> subs = Files.list(dir)) {
                List<Path> dbs = subs.filter(StoreFiles::exists).toList();
                if (dbs.size() == 1) return dbs.getFirst();
            } catch (IOException e) {
                throw new StoreException("cannot read backup " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new StoreException(dir + " is not a BetweenRows store backup (no Derby database in it)");
    }

    /**
     * Boots a temporary copy of the backed-up database and reads its schema version, so a damaged or
     * foreign backup is refused before the live store is touched. Returns that version.
     */
    static String verify(Path database) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("betweenrows-restore-check");
            Path copy = tmp.resolve("store");
            copyTree(database, copy);
            try (Connection c = StoreFiles.dataSource(copy, false).getConnection();
                 ResultSet r = c.createStatement().executeQuery(
                         "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                                 + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                if (!r.next()) throw new StoreException("backup " + database + " holds no migrated schema");
                return r.getString(1);
            } finally {
                StoreFiles.shutdown(copy);
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("backup " + database + " does not open: " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    /** Moves the store aside as {@code <name>.<suffix>-<timestamp>} and copies the backup in its place. */
    static Path swapIn(Path database, Path storeDir, String suffix) {
        Path aside = null;
        try {
            if (Files.exists(storeDir)) {
                aside = storeDir.resolveSibling(storeDir.getFileName() + "." + suffix + "-" + stamp(Instant.now()));
                Files.move(storeDir, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            copyTree(database, storeDir);
            return aside;
        } catch (IOException e) {
            throw new StoreException("restoring " + database + " into " + storeDir + " failed: " + e.getMessage()
                    + (aside == null ? "" : "; the previous store is at " + aside), e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("db.lck") && !p.getFileName().toString().equals("dbex.lck")) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
