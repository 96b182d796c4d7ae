package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.EmptyQueryResponse;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.RowDescription;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session and transaction control the guard classified. Transaction statements and allowlisted settings
 * are forwarded to the pinned upstream session as statements rebuilt from the parsed operands
 * ({@link SettingRules}); the client's text never goes upstream. Transactions always begin READ ONLY.
 * Without an upstream only the local part works (SHOW of the session's settings, application_name).
 */
final class SessionControlHandler {
    /** Fallback parse for guards that pass no operands: one plain value, rebuilt after validation. */
    private static final Pattern SET = Pattern.compile(
            "(?is)\\s*SET\\s+(?:SESSION\\s+)?([a-z_]+)\\s*(?:=|\\s+TO\\s+|\\s+TO)\\s*('(?:[^']|'')*'|[a-z0-9_.+-]+)\\s*;?\\s*");
    private static final Pattern PLAIN_BEGIN = Pattern.compile(
            "(?is)\\s*(BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION)\\s*;?\\s*");

    private final SessionSettings settings;
    private final UpstreamSession upstream; // null: the data source has none

    SessionControlHandler(SessionSettings settings) {
        this(settings, null);
    }

    SessionControlHandler(SessionSettings settings, UpstreamSession upstream) {
        this.settings = settings;
        this.upstream = upstream;
    }

    /** Buffers the answer (no ReadyForQuery). */
    void handle(SessionControl control, ClientChannel channel) throws IOException {
        ControlArgs args = control.args();
        switch (control.kind()) {
            case EMPTY -> channel.send(EmptyQueryResponse.INSTANCE);
            case SHOW -> show(control.setting(), channel);
            case SET -> set(control, channel);
            case RESET -> apply(SettingRules.reset(String.valueOf(control.setting())), channel);
            case BEGIN -> begin(control, channel);
            case COMMIT -> forward("COMMIT", channel);
            case ROLLBACK -> forward("ROLLBACK", channel);
            case SAVEPOINT -> named("SAVEPOINT ", args, channel);
            case RELEASE_SAVEPOINT -> named("RELEASE SAVEPOINT ", args, channel);
            case ROLLBACK_TO_SAVEPOINT -> named("ROLLBACK TO SAVEPOINT ", args, channel);
            case DISCARD -> {
                if (forward("DISCARD ALL", channel)) {
                    upstream.reapplyStartupSettings(channel);
                }
            }
            case DEALLOCATE -> nameOrAll("DEALLOCATE ", args, channel);
            case CLOSE -> nameOrAll("CLOSE ", args, channel);
            case FETCH, MOVE -> {
                String sql = CursorStatements.fetch(control.kind(), args);
                if (sql == null) {
                    channel.send(notSupported());
                } else {
                    forward(sql, channel);
                }
            }
        }
    }

    /**
     * The rebuilt transaction statement for the extended protocol (pgjdbc sends COMMIT as Parse/Bind/Execute),
     * or null when {@code control} is not a transaction statement it can carry (or would allow writing).
     */
    static String transactionStatement(SessionControl control) {
        ControlArgs a = control.args();
        return switch (control.kind()) {
            case COMMIT -> "COMMIT";
            case ROLLBACK -> "ROLLBACK";
            case BEGIN -> {
                if (!a.parsed() && !PLAIN_BEGIN.matcher(control.statement()).matches()) yield null;
                try {
                    String modes = SettingRules.modes(a.isolationLevel(), a.readOnly(), a.deferrable());
                    yield modes == null ? null : "BEGIN" + modes;
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
            case SAVEPOINT -> a.parsed() && a.name() != null ? "SAVEPOINT " + SqlText.identifier(a.name()) : null;
            case RELEASE_SAVEPOINT -> a.parsed() && a.name() != null
                    ? "RELEASE SAVEPOINT " + SqlText.identifier(a.name()) : null;
            case ROLLBACK_TO_SAVEPOINT -> a.parsed() && a.name() != null
                    ? "ROLLBACK TO SAVEPOINT " + SqlText.identifier(a.name()) : null;
            default -> null;
        };
    }

    private void show(String name, ClientChannel channel) throws IOException {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (upstream != null && SettingRules.SHOW_UPSTREAM.contains(key)) {
            upstream.forward("SHOW " + key, channel);
            return;
        }
        Optional<String> value = settings.get(key);
        if (value.isEmpty()) {
            channel.send(notSupported());
            return;
        }
        channel.send(new RowDescription(List.of(RowDescription.Field.text(key, 25, -1))));
        channel.send(DataRow.ofText(value.get()));
        channel.send(new CommandComplete("SHOW"));
    }

    private void set(SessionControl control, ClientChannel channel) throws IOException {
        ControlArgs a = control.args();
        String name = control.setting() == null ? "" : control.setting().toLowerCase(Locale.ROOT);
        if (!a.parsed()) {
            Matcher m = SET.matcher(control.statement());
            if (!m.matches()) {
                channel.send(notSupported());
                return;
            }
            apply(SettingRules.set(m.group(1).toLowerCase(Locale.ROOT), List.of(unquote(m.group(2))), false, false),
                    channel);
            return;
        }
        if (name.equals("transaction") || name.equals("session_characteristics")) {
            String modes = modes(a, channel);
            if (modes != null) {
                forward((name.equals("transaction") ? "SET TRANSACTION" : "SET SESSION CHARACTERISTICS AS TRANSACTION")
                        + modes, channel);
            }
            return;
        }
        apply(SettingRules.set(name, a.values(), a.local(), a.toDefault()), channel);
    }

    private void begin(SessionControl control, ClientChannel channel) throws IOException {
        ControlArgs a = control.args();
        if (!a.parsed() && !PLAIN_BEGIN.matcher(control.statement()).matches()) {
            channel.send(notSupported());
            return;
        }
        String modes = modes(a, channel);
        if (modes != null) {
            forward("BEGIN" + modes, channel);
        }
    }

    /** The modes as SQL, or null after sending the refusal. */
    private static String modes(ControlArgs a, ClientChannel channel) {
        try {
            String modes = SettingRules.modes(a.isolationLevel(), a.readOnly(), a.deferrable());
            if (modes == null) {
                channel.send(ErrorResponse.error("ERROR", "25006",
                        "cannot set transaction read-write mode: the data source is read-only"));
            }
            return modes;
        } catch (IllegalArgumentException e) {
            channel.send(ErrorResponse.error("ERROR", "22023", "invalid transaction isolation level"));
            return null;
        }
    }

    /** DEALLOCATE / CLOSE: a name, or ALL. */
    private void nameOrAll(String command, ControlArgs args, ClientChannel channel) throws IOException {
        if (args.parsed() && args.all() && args.name() == null) {
            forward(command + "ALL", channel);
        } else {
            named(command, args, channel);
        }
    }

    private void named(String command, ControlArgs args, ClientChannel channel) throws IOException {
        if (!args.parsed() || args.name() == null) {
            channel.send(notSupported());
            return;
        }
        forward(command + SqlText.identifier(args.name()), channel);
    }

    private void apply(SettingRules.Plan plan, ClientChannel channel) throws IOException {
        switch (plan) {
            case SettingRules.Plan.Refused r -> channel.send(ErrorResponse.error("ERROR", r.sqlState(), r.message()));
            case SettingRules.Plan.Local l -> {
                settings.set(l.name(), l.value()).ifPresent(channel::send);
                channel.send(new CommandComplete("SET"));
            }
            case SettingRules.Plan.Upstream u -> {
                if (forward(u.sql(), channel) && u.sql().equals("RESET ALL")) {
                    upstream.reapplyStartupSettings(channel);
                }
            }
        }
    }

    /** Runs a rebuilt statement upstream; false (after sending 0A000) when there is no upstream. */
    private boolean forward(String sql, ClientChannel channel) throws IOException {
        if (upstream == null) {
            channel.send(notSupported());
            return false;
        }
        upstream.forward(sql, channel);
        return true;
    }

    private static String unquote(String literal) {
        if (literal.startsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }

    private static ErrorResponse notSupported() {
        return ErrorResponse.error("ERROR", "0A000", "this statement is not supported by the proxy yet");
    }
}
