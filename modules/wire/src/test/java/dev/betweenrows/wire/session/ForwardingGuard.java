package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.SessionControl;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.QueryGuard;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests only (the product never ships a pass-through guard): forwards every statement unchanged, except a
 * few session-control spellings it classifies with parsed operands, as the real classifier does, and
 * refuses statements that mention {@code forbidden_table} (42P01).
 */
final class ForwardingGuard implements QueryGuard {
    private static final Pattern SET = Pattern.compile("(?is)set\\s+(local\\s+)?([a-z_]+)\\s*(?:=|to)\\s*'?([^';]*)'?;?");
    private static final Pattern SAVEPOINT = Pattern.compile("(?is)(savepoint|release savepoint|rollback to savepoint)\\s+([a-z_0-9]+);?");

    @Override
    public GuardDecision check(GuardRequest request) {
        String sql = request.sql().strip();
        String lower = sql.toLowerCase(Locale.ROOT).replaceAll(";$", "");
        switch (lower) {
            case "begin", "start transaction" -> {
                return new SessionControl(ControlKind.BEGIN, sql, null, ControlArgs.NONE);
            }
            case "begin read write" -> {
                return new SessionControl(ControlKind.BEGIN, sql, null, ControlArgs.transaction(null, false, null));
            }
            case "begin isolation level serializable" -> {
                return new SessionControl(ControlKind.BEGIN, sql, null,
                        ControlArgs.transaction("serializable", null, null));
            }
            case "commit" -> {
                return new SessionControl(ControlKind.COMMIT, sql, null, ControlArgs.NONE);
            }
            case "rollback" -> {
                return new SessionControl(ControlKind.ROLLBACK, sql, null, ControlArgs.NONE);
            }
            case "discard all" -> {
                return new SessionControl(ControlKind.DISCARD, sql, null, ControlArgs.NONE);
            }
            default -> { }
        }
        Matcher sp = SAVEPOINT.matcher(sql);
        if (sp.matches()) {
            ControlKind kind = switch (sp.group(1).toLowerCase(Locale.ROOT)) {
                case "savepoint" -> ControlKind.SAVEPOINT;
                case "release savepoint" -> ControlKind.RELEASE_SAVEPOINT;
                default -> ControlKind.ROLLBACK_TO_SAVEPOINT;
            };
            return new SessionControl(kind, sql, null, ControlArgs.named(sp.group(2).toLowerCase(Locale.ROOT)));
        }
        Matcher set = SET.matcher(sql);
        if (set.matches()) {
            String name = set.group(2).toLowerCase(Locale.ROOT);
            return new SessionControl(ControlKind.SET, sql, name,
                    ControlArgs.set(List.of(set.group(3)), set.group(1) != null));
        }
        if (lower.startsWith("show ")) {
            return new SessionControl(ControlKind.SHOW, sql, lower.substring(5).strip(), ControlArgs.NONE);
        }
        if (lower.contains("forbidden_table")) {
            return new GuardDecision.Refuse("42P01", "relation \"forbidden_table\" does not exist", "test refusal");
        }
        return new GuardDecision.Forward(sql, List.of());
    }
}
