package dev.betweenrows.rewrite.classify;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a statement is, decided from its leading tokens before any parsing. */
public sealed interface StatementKind {

    enum Category {
        EMPTY, TRANSACTION_CONTROL, SESSION_SET, DISCARD_ALL, DEALLOCATE, CURSOR, QUERY, WRITE, OTHER_REFUSED
    }

    Category category();

    /** A statement the guard must refuse; {@link #sqlState()} and {@link #message()} go into the ErrorResponse. */
    sealed interface Refusal extends StatementKind permits Write, Refused {
        String command();

        String sqlState();

        String message();
    }

    /** Only whitespace and comments. */
    record Empty() implements StatementKind {
        public Category category() { return Category.EMPTY; }
    }

    enum TransactionCommand { BEGIN, START_TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT }

    /**
     * Transaction modes as written; {@code null} where the statement says nothing. {@code isolationLevel} is one of
     * "serializable", "repeatable read", "read committed", "read uncommitted".
     */
    record TransactionModes(String isolationLevel, Boolean readOnly, Boolean deferrable) {
        public static final TransactionModes NONE = new TransactionModes(null, null, null);

        public boolean isEmpty() { return isolationLevel == null && readOnly == null && deferrable == null; }
    }

    /**
     * BEGIN / START TRANSACTION (with modes), COMMIT / END, ROLLBACK / ABORT (with {@code chain} for AND CHAIN),
     * SAVEPOINT x, RELEASE [SAVEPOINT] x, ROLLBACK TO [SAVEPOINT] x ({@code savepoint} is the folded name).
     */
    record Transaction(TransactionCommand command, String savepoint, TransactionModes modes, boolean chain)
            implements StatementKind {
        public Transaction {
            Objects.requireNonNull(command);
            Objects.requireNonNull(modes);
        }

        public Category category() { return Category.TRANSACTION_CONTROL; }
    }

    enum SetAction { SET, RESET, SHOW }

    enum SetScope { DEFAULT, SESSION, LOCAL }

    /**
     * SET / RESET / SHOW of a setting. {@code name} is lower-cased; special forms map to the GUC they change:
     * TIME ZONE → "timezone", NAMES → "client_encoding", SCHEMA → "search_path", XML OPTION → "xmloption",
     * TRANSACTION ISOLATION LEVEL (RESET/SHOW) → "transaction_isolation", SESSION AUTHORIZATION (SHOW) →
     * "session_authorization", ALL → "all", SET [SESSION|LOCAL] TRANSACTION modes → "transaction",
     * SET SESSION CHARACTERISTICS AS TRANSACTION modes → "session_characteristics" (both with {@code modes}).
     * {@code valueText} is the value exactly as written (null for RESET/SHOW); {@code values} are the decoded items
     * of a simple value list (strings unquoted, words folded, numbers as written with their sign), empty when the
     * value is DEFAULT ({@code toDefault}) or not a simple list (e.g. TIME ZONE INTERVAL '...').
     */
    record SessionSet(SetAction action, SetScope scope, String name, String valueText, List<String> values,
                      boolean toDefault, TransactionModes modes) implements StatementKind {
        public SessionSet {
            Objects.requireNonNull(action);
            Objects.requireNonNull(scope);
            Objects.requireNonNull(name);
            values = List.copyOf(values);
            Objects.requireNonNull(modes);
        }

        public Category category() { return Category.SESSION_SET; }
    }

    record DiscardAll() implements StatementKind {
        public Category category() { return Category.DISCARD_ALL; }
    }

    /** DEALLOCATE [PREPARE] name | ALL; {@code name} is null for ALL. */
    record Deallocate(String name) implements StatementKind {
        public boolean all() { return name == null; }

        public Category category() { return Category.DEALLOCATE; }
    }

    /**
     * DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH[OUT] HOLD] FOR query.
     * {@code bodyOffset} is where the query starts in the original string ({@code Statement.source()}); the
     * body runs to the statement's end and is classified as {@code body}.
     */
    record DeclareCursor(String name, boolean binary, boolean insensitive, boolean scroll, boolean noScroll,
                         boolean withHold, int bodyOffset, Query body) implements StatementKind {
        public Category category() { return Category.CURSOR; }
    }

    /** FETCH n, FETCH ALL and FETCH FORWARD read as FORWARD; FETCH alone as NEXT. */
    enum FetchDirection { NEXT, PRIOR, FIRST, LAST, ABSOLUTE, RELATIVE, FORWARD, BACKWARD }

    /** FETCH / MOVE; {@code count} is the row count or position (1 when implicit); {@code all} for ALL. */
    record FetchCursor(boolean move, FetchDirection direction, long count, boolean all, String cursorName)
            implements StatementKind {
        public Category category() { return Category.CURSOR; }
    }

    /** CLOSE name | ALL; {@code name} is null for ALL. */
    record CloseCursor(String name) implements StatementKind {
        public boolean all() { return name == null; }

        public Category category() { return Category.CURSOR; }
    }

    /**
     * A read query (SELECT, WITH, VALUES, TABLE, parenthesised). {@code leadingKeyword} is the first word after any
     * parentheses. {@code catalogNames} are the names that made it {@code touchesCatalog} (pg_* relations and
     * functions, pg_catalog, information_schema, reg* types, session/server information functions).
     */
    record Query(String leadingKeyword, boolean touchesCatalog, Set<String> catalogNames) implements StatementKind {
        public Query {
            catalogNames = Set.copyOf(catalogNames);
        }

        public Category category() { return Category.QUERY; }
    }

    /** A statement that writes (also SELECT INTO, FOR UPDATE/SHARE, data-modifying WITH): refused with 25006. */
    record Write(String command, String message) implements Refusal {
        public String sqlState() { return "25006"; }

        public Category category() { return Category.WRITE; }
    }

    /**
     * Anything else: 0A000 (not supported), 42501 (privilege: SET ROLE, SESSION AUTHORIZATION, LOAD, CHECKPOINT)
     * or 42601 (syntax). {@code position} is the offset in the original string the error points at, or -1.
     */
    record Refused(String command, String sqlState, String message, int position) implements Refusal {
        public Category category() { return Category.OTHER_REFUSED; }
    }
}
