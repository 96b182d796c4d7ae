package dev.betweenrows.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, for error messages. */
final class LogTail {

    static final int LINES = 40;

    private LogTail() {}

    static String lastLines(Path file, int count) {
        try {
            // Malformed bytes are replaced, not fatal: a log is evidence, not input.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
