package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.QueryGuard;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The guard the wire tests run with: answers {@code SELECT 1} locally, classifies {@code SET}/{@code SHOW}
 * as session control, returns Forward for {@code SELECT 2} (to prove nothing is forwarded) and refuses
 * everything else with 42501. Records every request it sees.
 */
final class TestGuard implements QueryGuard {
    static final String REFUSAL = "permission denied by test guard";
    final List<GuardRequest> seen = new CopyOnWriteArrayList<>();

    @Override
    public GuardDecision check(GuardRequest request) {
        seen.add(request);
        String sql = request.sql().strip().replaceAll(";+$", "").strip();
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.equals("select 1")) {
            return new GuardDecision.AnswerLocally(List.of(new GuardDecision.LocalColumn("?column?", 23)),
                    List.of(List.of("1")), "SELECT 1");
        }
        if (lower.equals("select 2")) {
            return new GuardDecision.Forward("SELECT 2", List.of());
        }
        if (lower.startsWith("set ")) {
            String name = lower.substring(4).strip().split("[\\s=]+")[0];
            return new GuardDecision.SessionControl(GuardDecision.ControlKind.SET, sql, name);
        }
        if (lower.startsWith("show ")) {
            return new GuardDecision.SessionControl(GuardDecision.ControlKind.SHOW, sql, lower.substring(5).strip());
        }
        if (lower.equals("boom")) {
            throw new IllegalStateException("guard bug");
        }
        return new GuardDecision.Refuse("42501", REFUSAL, "try SELECT 1", 1, "test refusal");
    }
}
