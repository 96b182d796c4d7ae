package dev.betweenrows.server.startup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** JUL set up for one line per event on standard error: time, level, logger, message. */
public final class Logs {
    private static final Logger LOG = Logger.getLogger("betweenrows");
    private static volatile Handler console;
    /** Loggers whose level was set here: JUL holds loggers weakly and would forget the level after a GC. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logs() {}

    public static void configure(String level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        console = handler;
        handler.setFormatter(new OneLine());
        Level jul = toJul(level);
        handler.setLevel(jul);
        root.addHandler(handler);
        root.setLevel(jul);
        // one line per event: our own lines report migrations, so Flyway only speaks up for problems
        if (!"trace".equals(level)) {
            setLevel("org.flywaydb", Level.WARNING);
            // printed asynchronously, it would land after the ready line
            setLevel("io.helidon.common.features", Level.WARNING);
            if (jul.intValue() < Level.INFO.intValue()) {
                setLevel("io.helidon", Level.INFO);
                setLevel("org.apache.calcite", Level.INFO);
            }
        }
    }

    private static void setLevel(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }

    static Level toJul(String level) {
        return switch (level) {
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        };
    }

    public static void fatal(String message) {
        LOG.severe(message);
    }

    /**
     * Logs during JVM shutdown. JUL's own shutdown hook may already have reset the log manager,
     * so the record goes straight to the console handler.
     */
    public static void atShutdown(String loggerName, String message) {
        Handler h = console;
        if (h == null) return;
        LogRecord r = new LogRecord(Level.INFO, message);
        r.setLoggerName(loggerName);
        h.publish(r);
        h.flush();
    }

    private static final class OneLine extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder(160)
                    .append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(shortName(r.getLoggerName())).append(": ")
                    .append(formatMessage(r).replace('\n', ' '));
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                line.append(" | ").append(sw.toString().strip().replace("\n", " | "));
            }
            return line.append('\n').toString();
        }

        private static String shortName(String name) {
            if (name == null) return "-";
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
