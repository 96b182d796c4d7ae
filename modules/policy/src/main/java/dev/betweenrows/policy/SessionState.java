package dev.betweenrows.policy;

/** A data-plane session's state, named as in {@code pg_stat_activity.state}. */
public enum SessionState {
    STARTING("starting"),
    IDLE("idle"),
    ACTIVE("active"),
    IDLE_IN_TRANSACTION("idle in transaction"),
    IDLE_IN_TRANSACTION_ABORTED("idle in transaction (aborted)"),
    CLOSING("closing");

    private final String label;

    SessionState(String label) { this.label = label; }

    public String label() { return label; }
}
