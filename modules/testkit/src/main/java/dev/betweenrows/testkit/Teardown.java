package dev.betweenrows.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Stops the server (pg_ctl stop -m immediate, then SIGKILL if it is still there) and deletes its temp
 * directory, exactly once. Registered as a JVM shutdown hook from the moment the directory exists, so
 * a run that is interrupted (Ctrl-C, surefire timeout) leaves neither a process nor files behind.
 */
final class Teardown {

    private final PgBinaries binaries;
    private final RunAs runAs;
    private final Path root;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    Teardown(PgBinaries binaries, RunAs runAs, Path root) {
        this.binaries = binaries;
        this.runAs = runAs;
        this.root = root;
        this.hook = new Thread(this::runOnce, "br-testkit-postgres-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Stops now and unregisters the shutdown hook. */
    void run() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway; runOnce makes that harmless
        }
        runOnce();
    }

    boolean isDone() {
        return done.get();
    }

    private void runOnce() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        Path data = root.resolve("data");
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            try {
                Commands.run(runAs.wrap(List.of(binaries.pgCtl().toString(), "stop", "-D", data.toString(),
                        "-m", "immediate", "-w", "-t", "30")), root, root.resolve("commands.log"), 40);
            } catch (IllegalStateException e) {
                killPostmaster(pidFile);
            }
        }
        deleteTree(root);
    }

    private static void killPostmaster(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // best effort: nothing else we can do
                }
            });
        } catch (IOException | RuntimeException e) {
            // no pid file or not a number: the server never got far enough to run
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("testkit: could not delete " + root + ": " + e);
        }
    }
}
