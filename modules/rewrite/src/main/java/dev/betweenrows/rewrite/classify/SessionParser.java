package dev.betweenrows.rewrite.classify;

import dev.betweenrows.rewrite.classify.StatementKind.SessionSet;
import dev.betweenrows.rewrite.classify.StatementKind.SetAction;
import dev.betweenrows.rewrite.classify.StatementKind.SetScope;
import dev.betweenrows.rewrite.classify.StatementKind.TransactionModes;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SET, RESET and SHOW in all their PostgreSQL spellings. Who-am-I changes are refused with 42501. */
final class SessionParser {

    private SessionParser() {}

    static StatementKind parse(TokenCursor c) {
        String word = c.next().value();
        StatementKind kind = switch (word) {
            case "set" -> set(c);
            case "reset" -> reset(c);
            case "show" -> show(c);
            default -> throw new IllegalStateException("not a session statement: " + word);
        };
        c.expectEnd();
        return kind;
    }

    private static StatementKind set(TokenCursor c) {
        if (c.acceptWords("session", "characteristics")) {
            c.expectWords("as", "transaction");
            return transactionModes(c, SetScope.SESSION, "session_characteristics");
        }
        refuseIdentityChange(c);
        SetScope scope = c.acceptWords("session") ? SetScope.SESSION
                : c.acceptWords("local") ? SetScope.LOCAL : SetScope.DEFAULT;
        refuseIdentityChange(c);
        if (c.acceptWords("transaction")) {
            if (c.peekWords("snapshot")) throw c.refuse("0A000", "SET TRANSACTION SNAPSHOT is not supported");
            return transactionModes(c, scope, "transaction");
        }
        if (c.acceptWords("time", "zone")) return timeZone(c, scope);
        if (c.acceptWords("names")) return special(c, scope, "client_encoding");
        if (c.acceptWords("schema")) return special(c, scope, "search_path");
        if (c.acceptWords("xml", "option")) {
            Token t = c.next();
            if (!t.isWord("document") && !t.isWord("content")) throw c.syntaxError();
            return new SessionSet(SetAction.SET, scope, "xmloption", t.text(), List.of(t.value()), false, TransactionModes.NONE);
        }
        String name = varName(c);
        if (c.peekWords("from", "current")) throw c.refuse("0A000", "SET ... FROM CURRENT is not supported");
        Token eq = c.peek();
        if (!c.acceptWords("to") && !(eq != null && eq.is(TokenType.OPERATOR) && eq.value().equals("=") && c.accept(TokenType.OPERATOR))) {
            throw c.syntaxError();
        }
        return valueList(c, scope, name);
    }

    private static StatementKind reset(TokenCursor c) {
        refuseIdentityChange(c);
        String name;
        if (c.acceptWords("all")) name = "all";
        else if (c.acceptWords("time", "zone")) name = "timezone";
        else if (c.acceptWords("transaction", "isolation", "level")) name = "transaction_isolation";
        else name = varName(c);
        return new SessionSet(SetAction.RESET, SetScope.DEFAULT, name, null, List.of(), true, TransactionModes.NONE);
    }

    private static StatementKind show(TokenCursor c) {
        String name;
        if (c.acceptWords("all")) name = "all";
        else if (c.acceptWords("time", "zone")) name = "timezone";
        else if (c.acceptWords("transaction", "isolation", "level")) name = "transaction_isolation";
        else if (c.acceptWords("session", "authorization")) name = "session_authorization";
        else name = varName(c);
        return new SessionSet(SetAction.SHOW, SetScope.DEFAULT, name, null, List.of(), false, TransactionModes.NONE);
    }

    /** SET ROLE / SET SESSION AUTHORIZATION (and their RESETs) would change who the upstream session is. */
    private static void refuseIdentityChange(TokenCursor c) {
        if (c.peekWords("role")) throw c.refuse("42501", "permission denied to set role");
        if (c.peekWords("session", "authorization")) {
            throw c.refuse("42501", "permission denied to set session authorization");
        }
    }

    private static StatementKind transactionModes(TokenCursor c, SetScope scope, String name) {
        int from = c.index();
        TransactionModes modes = TransactionParser.modes(c);
        if (modes.isEmpty()) throw c.syntaxError();
        return new SessionSet(SetAction.SET, scope, name, rawFrom(c, from), List.of(), false, modes);
    }

    /** TIME ZONE value | LOCAL | DEFAULT | INTERVAL '...' [qualifier] (kept raw, no simple value). */
    private static StatementKind timeZone(TokenCursor c, SetScope scope) {
        int from = c.index();
        if (c.acceptWords("local") || c.acceptWords("default")) {
            return new SessionSet(SetAction.SET, scope, "timezone", rawFrom(c, from), List.of(), true, TransactionModes.NONE);
        }
        if (c.peekWords("interval")) {
            while (!c.atEnd()) c.next();
            return new SessionSet(SetAction.SET, scope, "timezone", rawFrom(c, from), List.of(), false, TransactionModes.NONE);
        }
        String value = simpleValue(c);
        return new SessionSet(SetAction.SET, scope, "timezone", rawFrom(c, from), List.of(value), false, TransactionModes.NONE);
    }

    /** NAMES [value | DEFAULT] and SCHEMA 'value'. */
    private static StatementKind special(TokenCursor c, SetScope scope, String name) {
        int from = c.index();
        if (c.atEnd() || c.acceptWords("default")) {
            return new SessionSet(SetAction.SET, scope, name, rawFrom(c, from), List.of(), true, TransactionModes.NONE);
        }
        String value = simpleValue(c);
        return new SessionSet(SetAction.SET, scope, name, rawFrom(c, from), List.of(value), false, TransactionModes.NONE);
    }

    private static StatementKind valueList(TokenCursor c, SetScope scope, String name) {
        int from = c.index();
        if (c.acceptWords("default")) {
            return new SessionSet(SetAction.SET, scope, name, rawFrom(c, from), List.of(), true, TransactionModes.NONE);
        }
        List<String> values = new ArrayList<>();
        do {
            values.add(simpleValue(c));
        } while (c.accept(TokenType.COMMA));
        return new SessionSet(SetAction.SET, scope, name, rawFrom(c, from), values, false, TransactionModes.NONE);
    }

    /** One value: a string, a (signed) number, a non-reserved word, TRUE/FALSE/ON. Anything else is a syntax error. */
    private static String simpleValue(TokenCursor c) {
        Token t = c.next();
        if (t.is(TokenType.OPERATOR) && (t.value().equals("-") || t.value().equals("+"))) {
            Token number = c.next();
            if (!number.is(TokenType.INTEGER) && !number.is(TokenType.NUMERIC)) throw syntaxAt(c);
            return t.value().equals("-") ? "-" + number.text() : number.text();
        }
        return switch (t.type()) {
            case INTEGER, NUMERIC -> t.text();
            case STRING, ESCAPE_STRING, UNICODE_STRING, DOLLAR_STRING, QUOTED_IDENTIFIER -> t.value();
            case IDENTIFIER -> {
                if (t.isReservedWord() && !t.isWord("true") && !t.isWord("false") && !t.isWord("on")) throw syntaxAt(c);
                yield t.value();
            }
            default -> throw syntaxAt(c);
        };
    }

    /** ColId ('.' ColId)*, lower-cased: setting names are case-insensitive. */
    private static String varName(TokenCursor c) {
        StringBuilder name = new StringBuilder(c.name());
        while (c.accept(TokenType.DOT)) name.append('.').append(c.name());
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static TokenCursor.Abort syntaxAt(TokenCursor c) {
        Token bad = c.previous();
        return new TokenCursor.Abort(new StatementKind.Refused(c.command(), "42601",
                "syntax error at or near \"" + bad.text() + "\"", bad.start()));
    }

    private static String rawFrom(TokenCursor c, int fromIndex) {
        if (c.index() <= fromIndex) return "";
        List<Token> tokens = c.tokens();
        return c.statement().textBetween(tokens.get(fromIndex), tokens.get(c.index() - 1));
    }
}
