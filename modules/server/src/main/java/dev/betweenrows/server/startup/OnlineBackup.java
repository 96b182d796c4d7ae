package dev.betweenrows.server.startup;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a running server for an online backup through its admin API. */
final class OnlineBackup {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PATH = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"");

    private OnlineBackup() {}

    static int request(String adminUrl, String user, String password, Path target, PrintStream out, PrintStream err) {
        if (password == null || password.isEmpty()) {
            err.println("betweenrows backup: set BR_BACKUP_ADMIN_PASSWORD for --admin-url");
            return 2;
        }
        String base = adminUrl.replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + quote(user) + ",\"password\":" + quote(password) + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                err.println("betweenrows backup: sign-in to " + base + " failed (HTTP " + login.statusCode() + ")");
                return 1;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/backup"))
                    .header("Authorization", "Bearer " + token.group(1)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":" + quote(target.toString()) + "}"))
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher path = PATH.matcher(r.body());
            if (r.statusCode() != 201 || !path.find()) {
                err.println("betweenrows backup: the server refused (HTTP " + r.statusCode() + "): " + r.body());
                return 1;
            }
            out.println("online backup written by the server to " + path.group(1));
            return 0;
        } catch (Exception e) {
            err.println("betweenrows backup: cannot reach " + base + ": " + e.getMessage());
            return 1;
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
