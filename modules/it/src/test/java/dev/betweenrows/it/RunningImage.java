package dev.betweenrows.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jlinked runtime image (the artifact the Dockerfile ships) started through its real launcher,
 * with a clean environment and its output captured line by line.
 */
final class RunningImage implements AutoCloseable {
    static final Pattern READY = Pattern.compile(
            "BetweenRows (\\S+) ready: data plane 127\\.0\\.0\\.1:(\\d+), admin http://127\\.0\\.0\\.1:(\\d+)$");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private RunningImage(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(this::pump);
    }

    static Path image() {
        return Path.of(System.getProperty("br.image", "../dist/target/image")).toAbsolutePath().normalize();
    }

    /** Starts {@code bin/betweenrows args} with only PATH, HOME and the given variables in its environment. */
    static RunningImage start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(image().resolve("bin/betweenrows").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(env);
        return new RunningImage(pb.start());
    }

    /** Environment for a server on free ports in {@code data}. */
    static Map<String, String> serverEnv(Path data, String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "BR_DATA_DIR", data.toString(),
                "BR_PROXY_BIND_ADDR", "127.0.0.1:0",
                "BR_ADMIN_BIND_ADDR", "127.0.0.1:0"));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    /** Waits for a line matching {@code pattern}; fails with the output so far. */
    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size() && !reader.isAlive())) {
                    throw new AssertionError("no line matching /" + pattern + "/ in output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Waits for the process to exit and for its output to be read. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit within " + timeout + "; output:\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** SIGTERM, then wait. ({@code Process.destroy} would also close our end of the output pipe.) */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** SIGKILL: no shutdown hook runs (a crash). */
    int kill9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
