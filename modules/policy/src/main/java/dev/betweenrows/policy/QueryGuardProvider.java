package dev.betweenrows.policy;

/**
 * Service interface through which the server finds the guard implementation
 * ({@code uses dev.betweenrows.policy.QueryGuardProvider} / {@code provides … with …}).
 * The server takes the first provider {@link java.util.ServiceLoader} finds and refuses to start
 * without one.
 */
public interface QueryGuardProvider {
    /** A short name for the start-up log, e.g. {@code calcite}. */
    String name();

    /** Creates the guard once at start-up; it lives as long as the server. */
    QueryGuard create(GuardContext context);
}
