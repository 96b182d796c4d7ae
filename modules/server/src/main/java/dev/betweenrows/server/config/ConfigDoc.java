package dev.betweenrows.server.config;

import java.util.stream.Collectors;

/** Renders {@code docs/reference/configuration.md} from {@link Setting}; a test keeps the file in sync. */
public final class ConfigDoc {
    private ConfigDoc() {}

    public static String markdown(io.helidon.config.Config defaults) {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
          .append("Generated from `Setting.java` by `betweenrows config-doc`; do not edit by hand.\n\n")
          .append("Defaults come from `application.yaml` inside the image; each environment variable overrides its key.\n")
          .append("An invalid value stops start-up with a message naming the variable. An unknown `BR_*` variable is\n")
          .append("reported as a warning (a typo or a renamed variable). Secrets are read from the environment only and\n")
          .append("never appear in logs.\n\n")
          .append("| variable | default | format | meaning |\n|---|---|---|---|\n");
        for (Setting s : Setting.values()) {
            String def = s.key().map(k -> defaults.get(k).asString().orElse("")).orElse("");
            md.append("| `").append(s.env()).append("` | ")
              .append(def.isEmpty() ? "–" : "`" + def + "`").append(" | ")
              .append(s.kind().format()).append(" | ")
              .append(s.description()).append(" |\n");
        }
        return md.toString();
    }

    static String names() {
        return java.util.Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.joining(", "));
    }
}
