package dev.betweenrows.wire.session;

import dev.betweenrows.wire.message.ParameterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's settings that clients see: the 13 values PostgreSQL 15 reports with ParameterStatus at
 * start-up (in its order), plus the few allowlisted ones clients set. Written by the session thread only;
 * read by the admin plane too (application_name), hence the concurrent map of immutable entries.
 */
final class SessionSettings {
    /** Settings whose change PostgreSQL reports with a ParameterStatus (GUC_REPORT). */
    private static final List<String> REPORTED = List.of("application_name", "client_encoding", "DateStyle",
            "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle",
            "is_superuser", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "TimeZone");

    private record Setting(String name, String value) {}

    /** Keys are lower case (settings are case-insensitive); entries keep the display name. */
    private final Map<String, Setting> values = new ConcurrentHashMap<>();

    SessionSettings(StartupParameters startup, String serverVersion) {
        put("application_name", startup.applicationName());
        put("client_encoding", "UTF8");
        put("DateStyle", dateStyle(startup.settings().getOrDefault("DateStyle", "ISO")));
        put("default_transaction_read_only", "off");
        put("in_hot_standby", "off");
        put("integer_datetimes", "on");
        put("IntervalStyle", "postgres");
        put("is_superuser", "off");
        put("server_encoding", "UTF8");
        put("server_version", serverVersion);
        put("session_authorization", startup.user());
        put("standard_conforming_strings", "on");
        put("TimeZone", startup.settings().getOrDefault("TimeZone", "Etc/UTC"));
        put("extra_float_digits", startup.settings().getOrDefault("extra_float_digits", "1"));
        put("statement_timeout", startup.settings().getOrDefault("statement_timeout", "0"));
    }

    /** The ParameterStatus messages sent after AuthenticationOk. */
    List<ParameterStatus> startupReport() {
        List<ParameterStatus> report = new ArrayList<>();
        for (String name : REPORTED) {
            Setting v = values.get(name.toLowerCase(Locale.ROOT));
            report.add(new ParameterStatus(v.name(), v.value()));
        }
        return report;
    }

    Optional<String> get(String name) {
        Setting v = values.get(name.toLowerCase(Locale.ROOT));
        return v == null ? Optional.empty() : Optional.of(v.value());
    }

    /** Changes a setting; returns the ParameterStatus to send when the setting is a reported one. */
    Optional<ParameterStatus> set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        Setting v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown setting " + name);
        }
        values.put(key, new Setting(v.name(), value));
        boolean reported = REPORTED.stream().anyMatch(r -> r.equalsIgnoreCase(name));
        return reported ? Optional.of(new ParameterStatus(v.name(), value)) : Optional.empty();
    }

    private void put(String name, String value) {
        values.put(name.toLowerCase(Locale.ROOT), new Setting(name, value));
    }

    private static String dateStyle(String requested) {
        String upper = requested.toUpperCase(Locale.ROOT);
        String order = upper.contains("DMY") || upper.contains("EURO") ? "DMY" : upper.contains("YMD") ? "YMD" : "MDY";
        return "ISO, " + order;
    }
}
