package dev.betweenrows.wire.session;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allowlist of settings clients may change, and the statements the wire rebuilds from their parsed
 * values (the client's text is never forwarded). Settings that change how names resolve or who the upstream
 * session is are refused with 42501; so is everything not on the list.
 */
final class SettingRules {
    private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z0-9_+\\-/:.]{1,64}");
    private static final Pattern DURATION = Pattern.compile("\\d{1,10}\\s*(ms|s|min|h)?");
    private static final Set<String> DATE_STYLE_WORDS = Set.of("iso", "sql", "postgres", "german", "dmy", "mdy",
            "ymd", "euro", "european", "us", "noneuropean");
    private static final Set<String> INTERVAL_STYLES = Set.of("postgres", "postgres_verbose", "sql_standard",
            "iso_8601");
    static final Set<String> ISOLATION_LEVELS = Set.of("serializable", "repeatable read", "read committed",
            "read uncommitted");
    /** SHOW targets forwarded upstream (the upstream has the true value); others are answered locally. */
    static final Set<String> SHOW_UPSTREAM = Set.of("timezone", "datestyle", "intervalstyle", "extra_float_digits",
            "statement_timeout", "transaction_isolation", "default_transaction_isolation", "transaction_read_only",
            "default_transaction_read_only", "standard_conforming_strings", "search_path", "max_identifier_length",
            "lc_monetary", "lc_numeric", "lc_time", "transaction_deferrable");

    /** What to do with a SET. */
    sealed interface Plan {
        record Upstream(String sql) implements Plan {}
        /** Kept in the proxy only (application_name: the upstream session keeps the proxy's own). */
        record Local(String name, String value) implements Plan {}
        record Refused(String sqlState, String message) implements Plan {}
    }

    private SettingRules() {}

    /**
     * @param name      lower-case setting name
     * @param values    decoded values (empty with {@code toDefault})
     * @param local     SET LOCAL
     * @param toDefault SET ... TO DEFAULT
     */
    static Plan set(String name, List<String> values, boolean local, boolean toDefault) {
        String set = local ? "SET LOCAL " : "SET ";
        if (name.equals("application_name")) {
            String v = toDefault ? "" : single(values);
            return v != null && v.length() < 64 && v.indexOf('\0') < 0 ? new Plan.Local("application_name", v) : invalid(name);
        }
        String canonical = canonical(name);
        if (canonical == null) {
            return denied(name);
        }
        if (toDefault) {
            return canonical.equals("default_transaction_read_only") ? denied(name)
                    : new Plan.Upstream(set + canonical + " TO DEFAULT");
        }
        String value = validated(canonical, values);
        if (value == null) {
            return canonical.equals("default_transaction_read_only") ? denied(name) : invalid(name);
        }
        return new Plan.Upstream(set + canonical + " = " + value);
    }

    /** RESET of an allowlisted setting. */
    static Plan reset(String name) {
        if (name.equals("application_name")) {
            return new Plan.Local("application_name", "");
        }
        if (name.equals("all")) {
            return new Plan.Upstream("RESET ALL");
        }
        String canonical = canonical(name);
        return canonical == null || canonical.equals("default_transaction_read_only") ? denied(name)
                : new Plan.Upstream("RESET " + canonical);
    }

    /** Transaction modes as SQL; null when they would allow writing (READ WRITE). */
    static String modes(String isolationLevel, Boolean readOnly, Boolean deferrable) {
        StringBuilder sb = new StringBuilder();
        if (isolationLevel != null) {
            String level = isolationLevel.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
            if (!ISOLATION_LEVELS.contains(level)) {
                throw new IllegalArgumentException("unknown isolation level");
            }
            sb.append(" ISOLATION LEVEL ").append(level.toUpperCase(Locale.ROOT));
        }
        if (Boolean.FALSE.equals(readOnly)) {
            return null;
        }
        sb.append(" READ ONLY");
        if (deferrable != null) {
            sb.append(deferrable ? " DEFERRABLE" : " NOT DEFERRABLE");
        }
        return sb.toString();
    }

    private static String canonical(String name) {
        return switch (name) {
            case "extra_float_digits" -> "extra_float_digits";
            case "datestyle" -> "DateStyle";
            case "timezone", "time zone" -> "TimeZone";
            case "intervalstyle" -> "IntervalStyle";
            case "statement_timeout" -> "statement_timeout";
            case "client_encoding" -> "client_encoding";
            case "transaction_isolation" -> "transaction_isolation";
            case "default_transaction_isolation" -> "default_transaction_isolation";
            case "default_transaction_read_only" -> "default_transaction_read_only";
            default -> null;
        };
    }

    /** The value as a SQL literal, or null when not allowed. */
    private static String validated(String canonical, List<String> values) {
        if (canonical.equals("DateStyle")) {
            List<String> words = values.stream().flatMap(v -> List.of(v.split("\\s*,\\s*")).stream())
                    .map(w -> w.strip().toLowerCase(Locale.ROOT)).toList();
            boolean ok = !words.isEmpty() && words.get(0).equals("iso") && DATE_STYLE_WORDS.containsAll(words);
            return ok ? SqlText.literal(String.join(", ", words).toUpperCase(Locale.ROOT)) : null;
        }
        String v = single(values);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT).strip();
        boolean ok = switch (canonical) {
            case "extra_float_digits" -> lower.matches("-?\\d{1,2}") && Integer.parseInt(lower) >= -15
                    && Integer.parseInt(lower) <= 3;
            case "TimeZone" -> TIME_ZONE.matcher(v).matches();
            case "IntervalStyle" -> INTERVAL_STYLES.contains(lower);
            case "statement_timeout" -> DURATION.matcher(lower).matches();
            case "client_encoding" -> Set.of("utf8", "utf-8", "unicode").contains(lower);
            case "transaction_isolation", "default_transaction_isolation" -> ISOLATION_LEVELS.contains(lower);
            case "default_transaction_read_only" -> Set.of("on", "true", "1", "yes").contains(lower);
            default -> false;
        };
        if (!ok) {
            return null;
        }
        return switch (canonical) {
            case "client_encoding" -> "'UTF8'";
            case "default_transaction_read_only" -> "on";
            case "TimeZone", "statement_timeout", "transaction_isolation", "default_transaction_isolation" ->
                    SqlText.literal(v.strip());
            default -> lower;
        };
    }

    private static String single(List<String> values) {
        return values.size() == 1 ? values.get(0) : null;
    }

    private static Plan denied(String name) {
        return new Plan.Refused("42501", "permission denied to set parameter \"" + name + "\"");
    }

    private static Plan invalid(String name) {
        return new Plan.Refused("22023", "invalid value for parameter \"" + name + "\"");
    }
}
