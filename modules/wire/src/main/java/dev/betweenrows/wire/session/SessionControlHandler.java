package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.EmptyQueryResponse;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.RowDescription;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session-control statements the guard classified, handled without an upstream. Only the trivial ones are
 * answered: empty statements, {@code SHOW} of a setting the session holds, and {@code SET} of
 * {@code application_name} or {@code extra_float_digits} to a plain literal (pgjdbc sends the former at
 * connect). Everything else (transactions, other settings, cursors, DISCARD, ...) is refused with 0A000
 * until the upstream session exists to carry it.
 */
final class SessionControlHandler {
    private static final Pattern SET = Pattern.compile(
            "(?is)\\s*SET\\s+(?:SESSION\\s+)?([a-z_]+)\\s*(?:=|\\s+TO\\s+|\\s+TO)\\s*('(?:[^']|'')*'|[a-z0-9_.+-]+)\\s*;?\\s*");

    private final SessionSettings settings;

    SessionControlHandler(SessionSettings settings) {
        this.settings = settings;
    }

    /** Buffers the answer (no ReadyForQuery). */
    void handle(SessionControl control, ClientChannel channel) {
        switch (control.kind()) {
            case EMPTY -> channel.send(EmptyQueryResponse.INSTANCE);
            case SHOW -> show(control.setting(), channel);
            case SET -> set(control.statement(), channel);
            default -> channel.send(notSupported());
        }
    }

    private void show(String name, ClientChannel channel) {
        Optional<String> value = name == null ? Optional.empty() : settings.get(name);
        if (value.isEmpty()) {
            channel.send(notSupported());
            return;
        }
        String column = name.toLowerCase(Locale.ROOT);
        channel.send(new RowDescription(List.of(RowDescription.Field.text(column, 25, -1))));
        channel.send(DataRow.ofText(value.get()));
        channel.send(new CommandComplete("SHOW"));
    }

    private void set(String statement, ClientChannel channel) {
        Matcher m = SET.matcher(statement);
        if (!m.matches()) {
            channel.send(notSupported());
            return;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String value = unquote(m.group(2));
        boolean ok = switch (name) {
            case "application_name" -> value.length() < 64;
            case "extra_float_digits" -> value.matches("-?\\d{1,2}") && Math.abs(Integer.parseInt(value)) <= 15
                    && Integer.parseInt(value) <= 3;
            default -> false;
        };
        if (!ok) {
            channel.send(notSupported());
            return;
        }
        settings.set(name, value).ifPresent(channel::send);
        channel.send(new CommandComplete("SET"));
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
