package dev.betweenrows.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real client programs against the proxy: psql, Python psycopg2, node-postgres. */
final class Clients {
    private Clients() {}

    record Result(int exit, String out, String err) {}

    static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("client timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(), new String(err, StandardCharsets.UTF_8).strip());
    }

    /** psql in unaligned, tuples-only mode with errors stopping the script. */
    static Result psql(int port, String db, String user, String password, String sslmode, String sql)
            throws IOException, InterruptedException {
        return run(Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), "psql",
                "host=127.0.0.1 port=" + port + " dbname=" + db + " user=" + user + " sslmode=" + sslmode,
                "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    /**
     * The first Python with psycopg2: Debian's {@code /usr/bin/python3} (where python3-psycopg2 installs it) or
     * the one on the PATH (which may be another installation, e.g. pyenv's).
     */
    static String pythonWithPsycopg2() throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (run(Map.of(), python, "-c", "import psycopg2").exit() == 0) return python;
        }
        return null;
    }

    static Result python(String script, String... args) throws IOException, InterruptedException {
        String python = pythonWithPsycopg2();
        if (python == null) throw new AssertionError("no python3 with psycopg2: install python3-psycopg2");
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        return run(Map.of(), cmd.toArray(String[]::new));
    }

    /** node-postgres, installed from the npm registry into the build directory once. */
    static Path nodePg() throws IOException, InterruptedException {
        Path dir = Path.of("target/node-pg").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/pg"))) {
            Files.createDirectories(dir);
            Result r = run(Map.of(), "npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "pg@8");
            if (r.exit() != 0) throw new AssertionError("npm install pg failed: " + r.err());
        }
        return dir;
    }

    static Result node(Path nodeModulesParent, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", "-e", script));
        cmd.addAll(List.of(args));
        return run(Map.of("NODE_PATH", nodeModulesParent.resolve("node_modules").toString()), cmd.toArray(String[]::new));
    }
}
