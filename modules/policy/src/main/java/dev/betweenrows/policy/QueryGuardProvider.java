package dev.betweenrows.policy;

/** Service interface bound with {@code provides ... with} by the module that enforces policies. */
public interface QueryGuardProvider {
    /** A short name for logs, e.g. {@code calcite}. */
    String name();
}
