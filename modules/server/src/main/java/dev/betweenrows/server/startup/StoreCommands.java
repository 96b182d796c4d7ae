package dev.betweenrows.server.startup;

import dev.betweenrows.server.config.ConfigException;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.StoreStatus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Store maintenance from the command line, on {@code BR_DATA_DIR}, while no server holds the store (its lock
 * refuses otherwise): {@code backup --to DIR}, {@code restore --from DIR}, {@code migrate [--dry-run]} and
 * {@code version}. Exit codes: 0 done, 1 failed (store in use, refused, I/O), 2 usage.
 */
public final class StoreCommands {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private StoreCommands() {}

    public static int run(String command, List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        StoreOptions options;
        try {
            Settings settings = Settings.load(env);
            Path data = settings.path(Setting.DATA_DIR).toAbsolutePath().normalize();
            options = new StoreOptions(data.resolve("store"), null, settings.integer(Setting.BACKUP_KEEP));
        } catch (ConfigException e) {
            err.println("betweenrows " + command + ": " + e.getMessage());
            return USAGE;
        }
        try {
            return switch (command) {
                case "backup" -> backup(options, args, out, err);
                case "restore" -> restore(options, args, out, err);
                case "migrate" -> migrate(options, args, out, err);
                case "version" -> version(options, out);
                default -> usage(err, command, "unknown command");
            };
        } catch (StoreException e) {
            err.println("betweenrows " + command + ": " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * {@code backup --to DIR} opens the store itself when no server holds it; with
     * {@code --admin-url URL --admin-user NAME} (password in BR_BACKUP_ADMIN_PASSWORD) it asks the
     * running server for an online backup instead — Derby can only be backed up by the process that holds it.
     */
    private static int backup(StoreOptions options, List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) flags.put(args.get(i), args.get(i + 1));
        if (args.size() % 2 != 0 || !flags.containsKey("--to")
                || !java.util.Set.of("--to", "--admin-url", "--admin-user").containsAll(flags.keySet())) {
            return usage(err, "backup", "expected --to DIR [--admin-url URL --admin-user NAME]");
        }
        Path target = Path.of(flags.get("--to")).toAbsolutePath().normalize();
        if (flags.containsKey("--admin-url")) {
            return OnlineBackup.request(flags.get("--admin-url"), flags.getOrDefault("--admin-user", "admin"),
                    System.getenv("BR_BACKUP_ADMIN_PASSWORD"), target, out, err);
        }
        try {
            Path to = StoreProvider.load().backup(options, target);
            out.println("backed up " + options.storeDir() + " to " + to);
            return OK;
        } catch (dev.betweenrows.store.StoreLockedException e) {
            err.println("betweenrows backup: " + e.getMessage() + "; while it serves, use --admin-url http://HOST:5435"
                    + " --admin-user NAME (password in BR_BACKUP_ADMIN_PASSWORD) for an online backup");
            return FAILED;
        }
    }

    private static int restore(StoreOptions options, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.getFirst().equals("--from")) return usage(err, "restore", "expected --from DIR");
        Path aside = StoreProvider.load().restore(options, Path.of(args.get(1)));
        out.println("restored " + options.storeDir() + " from " + args.get(1)
                + (aside == null ? "" : "; the replaced store is kept at " + aside));
        return OK;
    }

    private static int migrate(StoreOptions options, List<String> args, PrintStream out, PrintStream err) {
        boolean dryRun = args.equals(List.of("--dry-run"));
        if (!dryRun && !args.isEmpty()) return usage(err, "migrate", "expected [--dry-run]");
        if (dryRun) {
            StoreStatus status = StoreProvider.load().status(options);
            refuseUnknown(status);
            out.println("schema version: " + (status.schemaVersion() == null ? "none (new store)" : status.schemaVersion()));
            if (status.pending().isEmpty()) out.println("no pending migration");
            status.pending().forEach(p -> out.println("pending: V" + p.version() + " " + p.description()));
            return OK;
        }
        try (AdminStore store = StoreProvider.load().open(options)) {
            MigrationReport r = store.migrationReport();
            r.applied().forEach(m -> out.println("applied V" + m.version() + " " + m.description() + " (" + m.millis() + " ms)"));
            out.println("schema version: " + r.toVersion());
        }
        return OK;
    }

    private static int version(StoreOptions options, PrintStream out) {
        out.println("BetweenRows " + Version.current());
        StoreStatus status = StoreProvider.load().status(options);
        out.println("store: " + options.storeDir());
        out.println("store schema version: " + (status.schemaVersion() == null ? "none" : status.schemaVersion())
                + " (this release knows up to " + status.latestKnown() + ")");
        out.println("pending migrations: " + (status.pending().isEmpty() ? "none"
                : String.join(", ", status.pending().stream().map(p -> "V" + p.version()).toList())));
        if (!status.unknownApplied().isEmpty()) {
            out.println("unknown migrations (a newer release ran here): " + String.join(", ", status.unknownApplied()));
        }
        return OK;
    }

    private static void refuseUnknown(StoreStatus status) {
        if (!status.unknownApplied().isEmpty()) {
            throw new StoreException("the store has migrations this release does not know ("
                    + String.join(", ", status.unknownApplied()) + "); this release knows up to " + status.latestKnown());
        }
    }

    private static int usage(PrintStream err, String command, String problem) {
        err.println("betweenrows " + command + ": " + problem);
        err.println("usage: betweenrows backup --to DIR | restore --from DIR | migrate [--dry-run] | version");
        return USAGE;
    }
}
