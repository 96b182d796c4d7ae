package dev.betweenrows.policy;

/** Which PostgreSQL query protocol carried the statement. */
public enum Protocol {
    /** A Query message: may hold several statements separated by semicolons. */
    SIMPLE,
    /** A Parse message: exactly one statement, possibly with {@code $n} parameters. */
    EXTENDED
}
