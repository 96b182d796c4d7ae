package dev.betweenrows.wire.session;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the real psql binary (unaligned, tuples only), without TLS. */
record PsqlRun(int exit, String out, String err) {
    static PsqlRun run(int port, String user, String password, String db, String sql) throws Exception {
        String conninfo = "host=127.0.0.1 port=" + port + " user=" + user + " dbname=" + db
                + " sslmode=disable connect_timeout=10";
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-A", "-t", "-d", conninfo, "-c", sql);
        Map<String, String> env = pb.environment();
        env.put("PGPASSWORD", password);
        env.put("PGPASSFILE", "/dev/null");
        env.put("PGSERVICEFILE", "/dev/null");
        env.put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql hung");
        }
        return new PsqlRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
