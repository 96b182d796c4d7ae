package dev.betweenrows.server.verify;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code betweenrows verify}: the post-upgrade checklist as one command for a deployment pipeline —
 * the admin API answers and an admin can sign in; a data-plane query as an existing user works; the
 * audit shows it with its rewritten SQL; optionally a policy spot-check (a rewritten-SQL fragment or a
 * row count). Passwords come from the environment, never from arguments. Exit 0 when every check passed.
 */
public final class VerifyCommand {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern REWRITTEN = Pattern.compile("\"rewritten_query\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();
    private boolean failed;

    private VerifyCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options o;
        try {
            o = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        VerifyCommand v = new VerifyCommand();
        v.verify(o);
        v.report.forEach(out::println);
        out.println(v.failed ? "verify: FAILED" : "verify: all checks passed");
        return v.failed ? 1 : 0;
    }

    private void verify(Options o) {
        String token = check("admin API reachable and /health is UP", () -> {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(o.adminUrl() + "/health")).GET(), null);
            if (r.statusCode() != 200 || !r.body().contains("\"UP\"")) throw new IllegalStateException("HTTP " + r.statusCode());
            return "";
        }) == null ? null : check("admin sign-in as " + o.adminUser(), () -> {
            String body = "{\"username\":" + quote(o.adminUser()) + ",\"password\":" + quote(o.adminPassword()) + "}";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(o.adminUrl() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), null);
            Matcher m = TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) throw new IllegalStateException("HTTP " + r.statusCode());
            return m.group(1);
        });
        String marker = "verify-" + UUID.randomUUID();
        String sql = "/* " + marker + " */ " + o.query();
        Long rows = check("data-plane query as " + o.user() + " on " + o.dataSource(), () -> query(o, sql));
        if (rows != null && o.expectRows() != null && !rows.equals(o.expectRows())) {
            fail("row count spot-check", "expected " + o.expectRows() + " rows, got " + rows);
        } else if (rows != null && o.expectRows() != null) {
            pass("row count spot-check", rows + " rows");
        }
        if (token == null || rows == null) return;
        String rewritten = check("the audit shows the query", () -> audited(o, token, marker));
        if (rewritten != null && o.expectRewritten() != null) {
            if (rewritten.contains(o.expectRewritten())) pass("rewritten SQL spot-check", "contains " + quote(o.expectRewritten()));
            else fail("rewritten SQL spot-check", "rewritten SQL does not contain " + quote(o.expectRewritten()));
        }
    }

    private long query(Options o, String sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", o.user());
        p.setProperty("password", o.userPassword());
        p.setProperty("sslmode", o.sslmode());
        p.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + o.proxy() + "/" + o.dataSource(), p);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            long n = 0;
            while (r.next()) n++;
            return n;
        }
    }

    private String audited(Options o, String token, String marker) throws Exception {
        String url = o.adminUrl() + "/api/v1/audit/queries?page_size=1&search=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
            Matcher total = TOTAL.matcher(r.body());
            if (r.statusCode() == 200 && total.find() && Long.parseLong(total.group(1)) == 1) {
                Matcher m = REWRITTEN.matcher(r.body());
                return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", "\n") : "";
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no audit record within 10 s");
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String token) throws Exception {
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T check(String what, Step<T> step) {
        try {
            T result = step.run();
            pass(what, result instanceof Long n ? n + " rows" : "");
            return result;
        } catch (Exception e) {
            fail(what, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }

    private void pass(String what, String detail) {
        report.add("PASS  " + what + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    private void fail(String what, String why) {
        failed = true;
        report.add("FAIL  " + what + ": " + why);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
