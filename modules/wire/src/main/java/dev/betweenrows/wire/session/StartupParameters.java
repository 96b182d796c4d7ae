package dev.betweenrows.wire.session;

import dev.betweenrows.wire.message.StartupMessage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The startup packet's parameters, checked against an allowlist. PostgreSQL applies every other parameter
 * as a setting, so an unknown one could change how the (future) upstream session resolves names or who it
 * is ({@code search_path}, {@code role}, {@code options=-c ...}, {@code default_transaction_read_only}):
 * those are refused with 42501 instead of being ignored. {@code _pq_.*} options were answered by
 * NegotiateProtocolVersion and are dropped before this.
 *
 * @param user            the user name (required)
 * @param database        the data-source name (defaults to the user name, as in PostgreSQL)
 * @param applicationName application_name, or "" when not sent
 * @param settings        the allowed settings the client asked for (name as sent, e.g. TimeZone)
 */
record StartupParameters(String user, String database, String applicationName, Map<String, String> settings) {
    private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z0-9_+\\-/:.]{1,64}");

    StartupParameters {
        settings = Map.copyOf(settings);
    }

    static StartupParameters from(StartupMessage startup) {
        Map<String, String> settings = new LinkedHashMap<>();
        String user = null;
        String database = null;
        String applicationName = "";
        for (Map.Entry<String, String> p : startup.parameters().entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            switch (name) {
                case "user" -> user = value;
                case "database" -> database = value;
                case "application_name" -> applicationName = value;
                case "options" -> {
                    if (!value.isBlank()) {
                        throw refused("command-line options");
                    }
                }
                case "replication" -> {
                    if (!isFalse(value)) {
                        throw refused("replication connections");
                    }
                }
                case "client_encoding" -> settings.put(name, require(name, value, isUtf8(value)));
                case "DateStyle" -> settings.put(name,
                        require(name, value, value.toUpperCase(Locale.ROOT).replace(" ", "").startsWith("ISO")));
                case "TimeZone" -> settings.put(name, require(name, value, TIME_ZONE.matcher(value).matches()));
                case "extra_float_digits" -> settings.put(name, require(name, value, value.matches("-?\\d{1,2}")));
                case "IntervalStyle" -> settings.put(name, require(name, value, value.equals("postgres")));
                case "statement_timeout" -> settings.put(name, require(name, value, value.matches("\\d{1,10}(ms|s|min)?")));
                default -> {
                    if (!name.startsWith("_pq_.")) {
                        throw new SessionError("42501", "parameter \"" + name + "\" cannot be set at connection start");
                    }
                }
            }
        }
        if (user == null || user.isEmpty()) {
            throw new SessionError("28000", "no PostgreSQL user name specified in startup packet");
        }
        return new StartupParameters(user, database == null || database.isEmpty() ? user : database,
                applicationName, settings);
    }

    private static SessionError refused(String what) {
        return new SessionError("42501", what + " are not allowed through this proxy");
    }

    private static String require(String name, String value, boolean ok) {
        if (!ok) {
            throw new SessionError("22023", "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
        return value;
    }

    private static boolean isUtf8(String value) {
        String v = value.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return v.equals("UTF8") || v.equals("UNICODE");
    }

    private static boolean isFalse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "false", "off", "no", "0" -> true;
            default -> false;
        };
    }
}
