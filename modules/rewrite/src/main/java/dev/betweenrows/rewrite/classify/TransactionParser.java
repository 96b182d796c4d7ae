package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.classify.StatementKind.Transaction;
import dev.betweenrows.rewrite.classify.StatementKind.TransactionCommand;
import dev.betweenrows.rewrite.classify.StatementKind.TransactionModes;
import dev.betweenrows.rewrite.lex.TokenType;

/** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, ROLLBACK TO. */
final class TransactionParser {

    private TransactionParser() {}

    static StatementKind parse(TokenCursor c) {
        String word = c.next().value();
        StatementKind kind = switch (word) {
            case "begin" -> {
                optionalTransactionWord(c);
                yield new Transaction(TransactionCommand.BEGIN, null, modes(c), false);
            }
            case "start" -> {
                c.expectWords("transaction");
                yield new Transaction(TransactionCommand.START_TRANSACTION, null, modes(c), false);
            }
            case "commit", "end" -> {
                if (word.equals("commit") && c.peekWords("prepared")) throw twoPhase(c);
                optionalTransactionWord(c);
                yield new Transaction(TransactionCommand.COMMIT, null, TransactionModes.NONE, chain(c));
            }
            case "rollback", "abort" -> rollback(c, word.equals("rollback"));
            case "savepoint" -> new Transaction(TransactionCommand.SAVEPOINT, c.name(), TransactionModes.NONE, false);
            case "release" -> {
                c.acceptWords("savepoint");
                yield new Transaction(TransactionCommand.RELEASE_SAVEPOINT, c.name(), TransactionModes.NONE, false);
            }
            default -> throw new IllegalStateException("not a transaction statement: " + word);
        };
        c.expectEnd();
        return kind;
    }

    private static StatementKind rollback(TokenCursor c, boolean rollback) {
        if (rollback && c.peekWords("prepared")) throw twoPhase(c);
        optionalTransactionWord(c);
        if (rollback && c.acceptWords("to")) {
            c.acceptWords("savepoint");
            return new Transaction(TransactionCommand.ROLLBACK_TO_SAVEPOINT, c.name(), TransactionModes.NONE, false);
        }
        return new Transaction(TransactionCommand.ROLLBACK, null, TransactionModes.NONE, chain(c));
    }

    private static void optionalTransactionWord(TokenCursor c) {
        if (!c.acceptWords("work")) c.acceptWords("transaction");
    }

    private static boolean chain(TokenCursor c) {
        if (!c.acceptWords("and")) return false;
        boolean no = c.acceptWords("no");
        c.expectWords("chain");
        return !no;
    }

    /**
     * Transaction modes, optionally comma-separated. Conflicting access modes read as READ WRITE (the permissive
     * reading), so an allowlist that refuses READ WRITE can never be fooled by order.
     */
    static TransactionModes modes(TokenCursor c) {
        String isolation = null;
        Boolean readOnly = null;
        Boolean deferrable = null;
        boolean expectMore = false;
        while (true) {
            if (c.acceptWords("isolation", "level")) {
                isolation = isolationLevel(c);
            } else if (c.acceptWords("read", "only")) {
                readOnly = readOnly == null ? Boolean.TRUE : readOnly;
            } else if (c.acceptWords("read", "write")) {
                readOnly = Boolean.FALSE;
            } else if (c.acceptWords("not", "deferrable")) {
                deferrable = Boolean.FALSE;
            } else if (c.acceptWords("deferrable")) {
                deferrable = Boolean.TRUE;
            } else {
                if (expectMore) throw c.syntaxError();
                break;
            }
            expectMore = c.accept(TokenType.COMMA);
        }
        return new TransactionModes(isolation, readOnly, deferrable);
    }

    private static String isolationLevel(TokenCursor c) {
        if (c.acceptWords("serializable")) return "serializable";
        if (c.acceptWords("repeatable", "read")) return "repeatable read";
        if (c.acceptWords("read", "committed")) return "read committed";
        if (c.acceptWords("read", "uncommitted")) return "read uncommitted";
        throw c.syntaxError();
    }

    private static TokenCursor.Abort twoPhase(TokenCursor c) {
        return c.refuse("0A000", "two-phase commit is not supported");
    }
}
