package dev.betweenrows.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 2 acceptance: the linked runtime image starts, migrates, serves, restarts and refuses what it must. */
class ImageStartupTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern APPLIED = Pattern.compile("applied migration V(\\d+) (.+) \\((\\d+) ms\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStartMigratesServesAndStopsCleanlyThenARestartAppliesNoMigration() throws Exception {
        Map<String, String> env = RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", "first-boot-pw");
        try (RunningImage server = RunningImage.start(env)) {
            Matcher ready = server.await(RunningImage.READY, START);
            assertEquals("0.1.0", ready.group(1));
            server.await(APPLIED, Duration.ofSeconds(1));
            List<String> lines = server.lines();
            assertTrue(lines.getLast().contains(" ready: "), "the ready line is the last start-up line:\n" + server.output());
            assertTrue(lines.stream().anyMatch(l -> l.contains("applied migration V1 users")), server.output());
            assertTrue(lines.stream().anyMatch(l -> l.contains("created admin user 'admin'")), server.output());

            int admin = Integer.parseInt(ready.group(3));
            HttpResponse<String> health = get(admin, "/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            assertTrue(health.body().contains("\"version\":\"0.1.0\""), health.body());
            assertTrue(health.body().contains("\"store\":\"UP\""), health.body());
            HttpResponse<String> metrics = get(admin, "/observe/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
            assertTrue(get(admin, "/observe/health").statusCode() / 100 == 2);
            HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/health"))
                    .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(foreign.headers().allValues("Access-Control-Allow-Origin").isEmpty(), "no CORS for unlisted origins");
            assertEquals("nosniff", foreign.headers().firstValue("X-Content-Type-Options").orElse(""));
            HttpResponse<String> ui = get(admin, "/");
            assertEquals(200, ui.statusCode());
            assertTrue(ui.body().contains("<script type=\"module\""), "the web UI is served from the image");
            HttpResponse<String> js = get(admin, "/assets/app.js");
            assertEquals(200, js.statusCode());
            assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"), js.headers().toString());
            HttpResponse<String> api = get(admin, "/api/v1/auth/me");
            assertEquals(401, api.statusCode());
            assertEquals("{\"error\":\"unauthorized\",\"message\":\"authentication required\"}", api.body());

            assertEquals(143, server.terminate(), "SIGTERM ends the JVM with 128+15");
            assertTrue(server.output().contains("stopped"), server.output());
        }
        try (RunningImage again = RunningImage.start(RunningImage.serverEnv(data))) {
            again.await(RunningImage.READY, START);
            assertFalse(APPLIED.matcher(again.output()).find(), "a restart applies no migration:\n" + again.output());
            assertTrue(again.output().contains("no migration pending"), again.output());
            assertFalse(again.output().contains("created admin user"), "the admin is seeded once");
            again.terminate();
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryRefusesToStart() throws Exception {
        try (RunningImage first = RunningImage.start(RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", "first-boot-pw"))) {
            first.await(RunningImage.READY, START);
            try (RunningImage second = RunningImage.start(RunningImage.serverEnv(data))) {
                int code = second.awaitExit(START);
                assertNotEquals(0, code);
                assertTrue(second.output().contains("in use by another BetweenRows process"), second.output());
                assertFalse(second.output().contains(" ready: "), second.output());
            }
            assertEquals(200, get(Integer.parseInt(first.await(RunningImage.READY, START).group(3)), "/health").statusCode(),
                    "the first instance keeps serving");
            first.terminate();
        }
    }

    @Test
    void firstBootWithoutAnAdminPasswordExitsWithAClearMessage() throws Exception {
        try (RunningImage server = RunningImage.start(RunningImage.serverEnv(data))) {
            assertEquals(1, server.awaitExit(START));
            assertTrue(server.output().contains("Set BR_ADMIN_PASSWORD"), server.output());
            assertFalse(server.output().contains(" ready: "));
        }
    }

    @Test
    void invalidConfigurationStopsStartUpNamingTheVariable() throws Exception {
        try (RunningImage server = RunningImage.start(RunningImage.serverEnv(data, "BR_IDLE_TIMEOUT_SECS", "soon"))) {
            assertEquals(2, server.awaitExit(START));
            assertTrue(server.output().contains("BR_IDLE_TIMEOUT_SECS"), server.output());
        }
    }

    @Test
    void secretsNeverAppearInTheOutputEvenAtTraceLevel() throws Exception {
        String password = "Pw-7f3a9c1e-never-logged";
        String key = "a1b2c3d4".repeat(8);
        String jwt = "jwt-secret-5d9e2b7c-never-logged-0123456789";
        Map<String, String> env = RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", password,
                "BR_ENCRYPTION_KEY", key, "BR_ADMIN_JWT_SECRET", jwt, "BR_LOG_LEVEL", "trace", "BR_TYPO_VARIABLE", "1");
        try (RunningImage server = RunningImage.start(env)) {
            Matcher ready = server.await(RunningImage.READY, START);
            get(Integer.parseInt(ready.group(3)), "/health");
            server.terminate();
            String out = server.output();
            for (String secret : List.of(password, key, jwt)) {
                assertFalse(out.contains(secret), "a secret leaked into the output");
            }
            assertTrue(out.contains("unknown environment variable BR_TYPO_VARIABLE"), "unknown BR_* variables are warned about");
            assertFalse(Files.exists(data.resolve("encryption.key")), "no key file when the key comes from the environment");
        }
    }

    @Test
    void generatedKeyFilesAreOwnerOnly() throws Exception {
        try (RunningImage server = RunningImage.start(RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", "first-boot-pw"))) {
            server.await(RunningImage.READY, START);
            server.terminate();
        }
        for (String file : List.of("encryption.key", "jwt.secret")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))), file);
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        try (RunningImage v = RunningImage.start(Map.of(), "--version")) {
            assertEquals(0, v.awaitExit(START));
            assertEquals("BetweenRows 0.1.0", v.output().strip());
        }
        try (RunningImage h = RunningImage.start(Map.of(), "--help")) {
            assertEquals(0, h.awaitExit(START));
            assertTrue(h.output().contains("Usage: betweenrows"), h.output());
        }
        try (RunningImage bad = RunningImage.start(Map.of(), "frobnicate")) {
            assertEquals(2, bad.awaitExit(START));
        }
    }

    @Test
    void theAdminPlaneCanServeHttpsWithHsts() throws Exception {
        Path cert = data.resolve("admin.crt"), key = data.resolve("admin.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        Map<String, String> env = RunningImage.serverEnv(data, "BR_ADMIN_PASSWORD", "first-boot-pw",
                "BR_ADMIN_TLS_CERT_FILE", cert.toString(), "BR_ADMIN_TLS_KEY_FILE", key.toString());
        try (RunningImage server = RunningImage.start(env)) {
            Matcher ready = server.await(Pattern.compile("ready: data plane \\S+, admin https://127\\.0\\.0\\.1:(\\d+)$"), START);
            var trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (var in = Files.newInputStream(cert)) {
                trust.setCertificateEntry("admin", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + ready.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS when the admin plane speaks TLS");
            server.terminate();
        }
    }
}
