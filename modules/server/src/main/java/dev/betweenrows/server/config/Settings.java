package dev.betweenrows.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolved configuration: {@code BR_*} environment variables override {@code application.yaml}
 * (Helidon Config). Every value is validated up front, so a bad value stops start-up with a message
 * naming the variable.
 */
public final class Settings {
    private final Map<Setting, String> values;
    private final List<String> warnings;

    private Settings(Map<Setting, String> values, List<String> warnings) {
        this.values = values;
        this.warnings = List.copyOf(warnings);
    }

    public static Settings load(Map<String, String> env) {
        return resolve(env, Config.just(ConfigSources.classpath("application.yaml")));
    }

    static Settings resolve(Map<String, String> env, Config yaml) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        List<String> problems = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String v = env.get(s.env());
            if (v == null && s.key().isPresent()) {
                v = yaml.get(s.key().get()).asString().orElse(null);
            }
            if (v == null || (v.isEmpty() && s.isSecret())) {
                continue;
            }
            try {
                s.kind().validator().validate(v);
                values.put(s, v);
            } catch (IllegalArgumentException e) {
                problems.add(s.env() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("invalid configuration: " + String.join("; ", problems));
        }
        return new Settings(values, unknownVariables(env));
    }

    private static List<String> unknownVariables(Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith("BR_") && Setting.byEnv(name).isEmpty() && !Internal.isKnown(name)) {
                warnings.add("unknown environment variable " + name + " is ignored" + suggestion(name));
            }
        }
        return warnings;
    }

    private static String suggestion(String name) {
        String best = null;
        int bestDistance = 4;
        for (Setting s : Setting.values()) {
            int d = Internal.distance(name, s.env());
            if (d < bestDistance) {
                bestDistance = d;
                best = s.env();
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    /** Warnings to log at start-up (unknown {@code BR_*} variables). */
    public List<String> warnings() {
        return warnings;
    }

    public Optional<String> get(Setting s) {
        return Optional.ofNullable(values.get(s));
    }

    public String require(Setting s) {
        return get(s).orElseThrow(() -> new ConfigException(s.env() + " is not set"));
    }

    public int integer(Setting s) {
        return Integer.parseInt(require(s).strip());
    }

    public InetSocketAddress address(Setting s) {
        String v = require(s);
        int colon = v.lastIndexOf(':');
        String host = v.substring(0, colon).replace("[", "").replace("]", "");
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(v.substring(colon + 1)));
    }

    public Path path(Setting s) {
        return Path.of(require(s));
    }

    public String logLevel() {
        return require(Setting.LOG_LEVEL).strip().toLowerCase(Locale.ROOT);
    }

    /** Variables read elsewhere than this list (launcher options). */
    private static final class Internal {
        static boolean isKnown(String name) {
            return name.equals("BR_JAVA_OPTS");
        }

        static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) prev[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev; prev = cur; cur = t;
            }
            return prev[b.length()];
        }
    }
}
