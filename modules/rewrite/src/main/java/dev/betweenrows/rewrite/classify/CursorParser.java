package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.classify.StatementKind.CloseCursor;
import dev.betweenrows.rewrite.classify.StatementKind.DeclareCursor;
import dev.betweenrows.rewrite.classify.StatementKind.FetchCursor;
import dev.betweenrows.rewrite.classify.StatementKind.FetchDirection;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;

/** DECLARE ... CURSOR FOR query, FETCH / MOVE, CLOSE. */
final class CursorParser {

    private CursorParser() {}

    static StatementKind declare(TokenCursor c) {
        c.expectWords("declare");
        String name = c.name();
        boolean binary = false;
        boolean insensitive = false;
        boolean scroll = false;
        boolean noScroll = false;
        while (true) {
            if (c.acceptWords("binary")) binary = true;
            else if (c.acceptWords("insensitive")) insensitive = true;
            else if (c.acceptWords("asensitive")) insensitive = false;
            else if (c.acceptWords("scroll")) scroll = true;
            else if (c.acceptWords("no", "scroll")) noScroll = true;
            else break;
        }
        c.expectWords("cursor");
        boolean withHold = false;
        if (c.acceptWords("with", "hold")) withHold = true;
        else c.acceptWords("without", "hold");
        c.expectWords("for");
        if (c.atEnd()) throw c.syntaxError();
        int bodyOffset = c.peek().start();
        StatementKind body = QueryInspector.inspect(c);
        if (body instanceof StatementKind.Query query) {
            return new DeclareCursor(name, binary, insensitive, scroll, noScroll, withHold, bodyOffset, query);
        }
        return body;
    }

    static StatementKind fetch(TokenCursor c) {
        boolean move = c.next().isWord("move");
        FetchDirection direction = FetchDirection.NEXT;
        long count = 1;
        boolean all = false;
        if (c.peek(1) != null) {
            if (c.acceptWords("next")) direction = FetchDirection.NEXT;
            else if (c.acceptWords("prior")) direction = FetchDirection.PRIOR;
            else if (c.acceptWords("first")) direction = FetchDirection.FIRST;
            else if (c.acceptWords("last")) direction = FetchDirection.LAST;
            else if (c.acceptWords("absolute")) {
                direction = FetchDirection.ABSOLUTE;
                count = signedInteger(c);
            } else if (c.acceptWords("relative")) {
                direction = FetchDirection.RELATIVE;
                count = signedInteger(c);
            } else if (c.acceptWords("all")) {
                direction = FetchDirection.FORWARD;
                all = true;
            } else if (c.peekWords("forward") || c.peekWords("backward")) {
                direction = c.next().isWord("forward") ? FetchDirection.FORWARD : FetchDirection.BACKWARD;
                if (c.peek(1) != null && c.acceptWords("all")) all = true;
                else if (c.peek(1) != null && startsInteger(c)) count = signedInteger(c);
            } else if (startsInteger(c)) {
                direction = FetchDirection.FORWARD;
                count = signedInteger(c);
            }
        }
        if (!c.acceptWords("from")) c.acceptWords("in");
        String name = c.name();
        c.expectEnd();
        return new FetchCursor(move, direction, count, all, name);
    }

    static StatementKind close(TokenCursor c) {
        c.expectWords("close");
        String name = c.acceptWords("all") ? null : c.name();
        c.expectEnd();
        return new CloseCursor(name);
    }

    private static boolean startsInteger(TokenCursor c) {
        Token t = c.peek();
        if (t == null) return false;
        if (t.is(TokenType.INTEGER)) return true;
        Token after = c.peek(1);
        return t.is(TokenType.OPERATOR) && (t.value().equals("-") || t.value().equals("+"))
                && after != null && after.is(TokenType.INTEGER);
    }

    private static long signedInteger(TokenCursor c) {
        if (!startsInteger(c)) throw c.syntaxError();
        boolean negative = false;
        Token t = c.next();
        if (t.is(TokenType.OPERATOR)) {
            negative = t.value().equals("-");
            t = c.next();
        }
        try {
            long v = Long.parseLong(t.text().replace("_", ""));
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new TokenCursor.Abort(new StatementKind.Refused(c.command(), "22003",
                    "value \"" + t.text() + "\" is out of range for type bigint", t.start()));
        }
    }
}
