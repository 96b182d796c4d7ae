package dev.betweenrows.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** What the wire does with a statement. Exactly one of four outcomes. */
public sealed interface GuardDecision {

    /**
     * Send {@code rewrittenSql} upstream (instead of the client's text) and relay the result.
     *
     * @param rewrittenSql the exact text to send and audit
     * @param policies     the policies that applied to the relations the statement touched, for the audit
     */
    record Forward(String rewrittenSql, List<AppliedPolicy> policies) implements GuardDecision {
        public Forward {
            Checks.nonBlank(rewrittenSql, "rewrittenSql");
            policies = Checks.list(policies, "policies");
        }
    }

    /**
     * Answer in-process without touching upstream (e.g. {@code SELECT version()}, emulated catalog queries).
     *
     * @param columns    result columns
     * @param rows       rows of text-format values; a {@code null} element is SQL NULL
     * @param commandTag the CommandComplete tag, e.g. {@code SELECT 1}
     */
    record AnswerLocally(List<LocalColumn> columns, List<List<String>> rows, String commandTag)
            implements GuardDecision {
        public AnswerLocally {
            columns = Checks.list(columns, "columns");
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) throw new IllegalArgumentException("row width differs from columns");
                copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // keeps nulls
            }
            rows = List.copyOf(copy);
            Checks.nonBlank(commandTag, "commandTag");
        }
    }

    /**
     * A session or transaction control statement the wire handles itself (its own allowlist decides
     * what is forwarded, emulated or refused).
     *
     * @param kind      the classification
     * @param statement the statement text
     * @param setting   the setting name for SET/RESET/SHOW (lower case), else {@code null}
     * @param args      the parsed operands the wire rebuilds the forwarded statement from (it never forwards
     *                  the client's text); {@link ControlArgs#UNPARSED} when the guard did not parse them
     */
    record SessionControl(ControlKind kind, String statement, String setting, ControlArgs args)
            implements GuardDecision {
        public SessionControl {
            Checks.required(kind, "kind");
            Checks.required(statement, "statement");
            Checks.required(args, "args");
        }

        /** Without parsed operands: the wire refuses what it cannot rebuild from validated parts. */
        public SessionControl(ControlKind kind, String statement, String setting) {
            this(kind, statement, setting, ControlArgs.UNPARSED);
        }
    }

    /**
     * Parsed operands of a {@link SessionControl} statement.
     *
     * @param parsed         false when the guard did not parse the operands (nothing else is meaningful then)
     * @param values         SET values, decoded (quotes removed); empty for {@code DEFAULT}, RESET and SHOW
     * @param local          {@code SET LOCAL}
     * @param toDefault      {@code SET x TO DEFAULT} (or {@code RESET x})
     * @param isolationLevel transaction isolation level in lower case ({@code read committed}, ...), or null
     * @param readOnly       {@code READ ONLY} (true), {@code READ WRITE} (false), or null when not given
     * @param deferrable     {@code DEFERRABLE} (true), {@code NOT DEFERRABLE} (false), or null
     * @param name           savepoint, cursor or prepared-statement name (case as resolved), or null
     * @param direction      FETCH/MOVE direction in upper case ({@code NEXT}, {@code PRIOR}, {@code FIRST},
     *                       {@code LAST}, {@code ABSOLUTE}, {@code RELATIVE}, {@code FORWARD}, {@code BACKWARD}),
     *                       else null
     * @param count          FETCH/MOVE row count or position (meaningful for ABSOLUTE, RELATIVE, FORWARD,
     *                       BACKWARD without {@code all})
     * @param all            {@code FETCH ALL} / {@code FORWARD ALL} / {@code BACKWARD ALL}, or {@code CLOSE ALL},
     *                       {@code DEALLOCATE ALL} (then {@code name} is null)
     */
    record ControlArgs(boolean parsed, List<String> values, boolean local, boolean toDefault, String isolationLevel,
                       Boolean readOnly, Boolean deferrable, String name, String direction, long count, boolean all) {
        public static final ControlArgs UNPARSED = new ControlArgs(false, List.of(), false, false, null, null, null, null);
        /** Parsed, and there is nothing to parse (COMMIT, SHOW x, DISCARD ALL, ...). */
        public static final ControlArgs NONE = new ControlArgs(true, List.of(), false, false, null, null, null, null);
        private static final java.util.Set<String> DIRECTIONS = java.util.Set.of("NEXT", "PRIOR", "FIRST", "LAST",
                "ABSOLUTE", "RELATIVE", "FORWARD", "BACKWARD");

        public ControlArgs {
            values = Checks.list(values, "values");
            if (direction != null && !DIRECTIONS.contains(direction))
                throw new IllegalArgumentException("bad FETCH direction: " + direction);
        }

        /** Without cursor movement. */
        public ControlArgs(boolean parsed, List<String> values, boolean local, boolean toDefault, String isolationLevel,
                           Boolean readOnly, Boolean deferrable, String name) {
            this(parsed, values, local, toDefault, isolationLevel, readOnly, deferrable, name, null, 0, false);
        }

        public static ControlArgs set(List<String> values, boolean local) {
            return new ControlArgs(true, values, local, false, null, null, null, null);
        }

        /** {@code SET [LOCAL] x TO DEFAULT}. */
        public static ControlArgs setDefault(boolean local) {
            return new ControlArgs(true, List.of(), local, true, null, null, null, null);
        }

        public static ControlArgs transaction(String isolationLevel, Boolean readOnly, Boolean deferrable) {
            return new ControlArgs(true, List.of(), false, false, isolationLevel, readOnly, deferrable, null);
        }

        public static ControlArgs named(String name) {
            return new ControlArgs(true, List.of(), false, false, null, null, null, Checks.required(name, "name"));
        }

        /** {@code CLOSE ALL}, {@code DEALLOCATE ALL}. */
        public static ControlArgs everything() {
            return new ControlArgs(true, List.of(), false, false, null, null, null, null, null, 0, true);
        }

        /** FETCH / MOVE on cursor {@code name}. */
        public static ControlArgs cursor(String direction, long count, boolean all, String name) {
            return new ControlArgs(true, List.of(), false, false, null, null, null, Checks.required(name, "name"),
                    Checks.required(direction, "direction"), count, all);
        }
    }

    /**
     * Refuse with an ErrorResponse. {@code message} and {@code hint} go to the client and must name no
     * policy and nothing hidden; {@code reason} goes to the audit only.
     *
     * @param sqlState five-character SQLSTATE, e.g. {@code 42P01}, {@code 25006}, {@code 0A000}
     * @param message  client-facing message
     * @param hint     client-facing hint, or {@code null}
     * @param position 1-based character position in the client's original text, or 0 for none
     * @param reason   audit-only explanation (may name policies and hidden objects)
     */
    record Refuse(String sqlState, String message, String hint, int position, String reason) implements GuardDecision {
        private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

        public Refuse {
            if (sqlState == null || !SQLSTATE.matcher(sqlState).matches())
                throw new IllegalArgumentException("bad SQLSTATE: " + sqlState);
            Checks.nonBlank(message, "message");
            if (position < 0) throw new IllegalArgumentException("position must be >= 0");
            Checks.required(reason, "reason");
        }

        public Refuse(String sqlState, String message, String reason) {
            this(sqlState, message, null, 0, reason);
        }
    }

    /** A result column of {@link AnswerLocally}. */
    record LocalColumn(String name, int typeOid) {
        public LocalColumn {
            Checks.required(name, "name");
        }
    }

    /** Classification of {@link SessionControl} statements. */
    enum ControlKind {
        BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT,
        /** {@code SET}, {@code SET LOCAL}, {@code SET SESSION}, {@code SET TRANSACTION …}. */
        SET, RESET, SHOW, DISCARD, DEALLOCATE,
        /** Cursor movement on a cursor already declared through a rewritten {@code DECLARE}. */
        FETCH, MOVE, CLOSE,
        /** An empty statement (only whitespace, comments or semicolons): EmptyQueryResponse. */
        EMPTY
    }
}
