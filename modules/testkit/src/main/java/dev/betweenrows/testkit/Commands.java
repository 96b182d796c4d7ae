package dev.betweenrows.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external programs with their output appended to a file, so a detached child can never block a pipe. */
final class Commands {

    private Commands() {}

    /** Runs {@code command} in {@code workDir}; throws with the tail of {@code outputLog} if it fails or hangs. */
    static void run(List<String> command, Path workDir, Path outputLog, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // Inherited PG* variables (PGPORT, PGDATA, ...) would silently change what the programs do.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure(command, "timed out after " + timeoutSeconds + " s", outputLog);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failure(command, "interrupted", outputLog);
        }
        if (process.exitValue() != 0) {
            throw failure(command, "exited with " + process.exitValue(), outputLog);
        }
    }

    private static IllegalStateException failure(List<String> command, String what, Path outputLog) {
        return new IllegalStateException(String.join(" ", command) + " " + what
                + "\n--- last lines of " + outputLog + " ---\n" + LogTail.lastLines(outputLog, LogTail.LINES));
    }
}
