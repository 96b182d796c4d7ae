package dev.betweenrows.server.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The product version, stamped into the module by the build. */
public final class Version {
    private static final String VERSION = read();

    private Version() {}

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/betweenrows/server/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
