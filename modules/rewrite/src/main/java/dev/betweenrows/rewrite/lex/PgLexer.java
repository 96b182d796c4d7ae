package dev.betweenrows.rewrite.lex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises SQL text as PostgreSQL's scanner (scan.l, versions 15/16) does, keeping every token's offsets in the
 * original text, including whitespace and comments, so callers can reproduce or splice the text byte for byte.
 * Assumes standard_conforming_strings = on, which the proxy enforces on every upstream session.
 */
public final class PgLexer {

    /** PostgreSQL truncates names to NAMEDATALEN - 1 bytes. */
    static final int MAX_NAME_BYTES = 63;
    private static final String OP_CHARS = "~!@#^&|`?+-*/%<>=";
    private static final String OP_OK_BEFORE_TRAILING_SIGN = "~!@#^&|`?%";

    private final String s;
    private final int n;
    private int pos;

    private PgLexer(String sql, int from) {
        this.s = sql;
        this.n = sql.length();
        this.pos = from;
    }

    /** All tokens of {@code sql}, trivia included, in order. Throws {@link LexException} on malformed text. */
    public static List<Token> tokenize(String sql) {
        PgLexer lexer = new PgLexer(sql, 0);
        List<Token> out = new ArrayList<>();
        while (lexer.pos < lexer.n) out.add(lexer.next());
        return List.copyOf(out);
    }

    /** The tokens of {@code sql} without whitespace and comments. */
    public static List<Token> significant(String sql) {
        return tokenize(sql).stream().filter(t -> !t.isTrivia()).toList();
    }

    private Token next() {
        int start = pos;
        char c = s.charAt(pos);
        char c1 = at(pos + 1);
        if (isSpace(c)) {
            while (pos < n && isSpace(s.charAt(pos))) pos++;
            return token(TokenType.WHITESPACE, start, null);
        }
        if (c == '-' && c1 == '-') {
            pos = QuotedLiterals.lineEnd(s, pos);
            return token(TokenType.LINE_COMMENT, start, null);
        }
        if (c == '/' && c1 == '*') return blockComment();
        if (c == '\'') return string(start, start, TokenType.STRING);
        if (c == '"') {
            QuotedLiterals.Scanned q = QuotedLiterals.quotedIdentifier(s, start, start);
            pos = q.end();
            return token(TokenType.QUOTED_IDENTIFIER, start, truncateName(q.value()));
        }
        if ((c == 'u' || c == 'U') && c1 == '&' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) return unicode(start);
        if (c1 == '\'') {
            switch (c) {
                case 'e', 'E': return string(start, start + 1, TokenType.ESCAPE_STRING);
                case 'b', 'B': return string(start, start + 1, TokenType.BIT_STRING);
                case 'x', 'X': return string(start, start + 1, TokenType.HEX_STRING);
                case 'n', 'N': return string(start, start + 1, TokenType.STRING);
                default: break;
            }
        }
        if (c == '$') return dollar(start);
        if (isDigit(c) || (c == '.' && isDigit(c1))) return NumberScanner.scan(this, s, start);
        if (isIdentStart(c)) return identifier(start);
        if (c == ':' && c1 == ':') return fixed(TokenType.TYPECAST, 2);
        if (c == ':' && c1 == '=') return fixed(TokenType.OPERATOR, 2);
        if (c == '.' && c1 == '.') return fixed(TokenType.OPERATOR, 2);
        if (OP_CHARS.indexOf(c) >= 0) return operator(start);
        return switch (c) {
            case '(' -> fixed(TokenType.LEFT_PAREN, 1);
            case ')' -> fixed(TokenType.RIGHT_PAREN, 1);
            case '[' -> fixed(TokenType.LEFT_BRACKET, 1);
            case ']' -> fixed(TokenType.RIGHT_BRACKET, 1);
            case ',' -> fixed(TokenType.COMMA, 1);
            case ';' -> fixed(TokenType.SEMICOLON, 1);
            case '.' -> fixed(TokenType.DOT, 1);
            case ':' -> fixed(TokenType.COLON, 1);
            default -> fixed(TokenType.OTHER, Character.isHighSurrogate(c) && Character.isLowSurrogate(c1) ? 2 : 1);
        };
    }

    /** Nested block comment; {@code /*} and {@code * /} pairs are matched as PostgreSQL does. */
    private Token blockComment() {
        int start = pos;
        int depth = 0;
        int j = pos + 2;
        while (true) {
            if (j + 1 >= n) throw LexException.syntax("unterminated /* comment", start);
            char c = s.charAt(j);
            char d = s.charAt(j + 1);
            if (c == '/' && d == '*') {
                depth++;
                j += 2;
            } else if (c == '*' && d == '/') {
                j += 2;
                if (depth-- == 0) break;
            } else {
                j++;
            }
        }
        pos = j;
        return token(TokenType.BLOCK_COMMENT, start, null);
    }

    private Token string(int start, int open, TokenType type) {
        QuotedLiterals.Scanned q = QuotedLiterals.string(s, start, open, type);
        pos = q.end();
        return token(type, start, q.value());
    }

    /** U&'...' or U&"..." with an optional UESCAPE 'c' clause, which becomes part of the token. */
    private Token unicode(int start) {
        boolean identifier = s.charAt(start + 2) == '"';
        QuotedLiterals.Scanned q = identifier
                ? QuotedLiterals.quotedIdentifier(s, start, start + 2)
                : QuotedLiterals.string(s, start, start + 2, TokenType.UNICODE_STRING);
        pos = q.end();
        char escape = '\\';
        PgLexer look = new PgLexer(s, pos);
        Token word = look.nextSignificant();
        if (word != null && word.isWord("uescape")) {
            Token literal = look.nextSignificant();
            if (literal == null || !(literal.is(TokenType.STRING) || literal.is(TokenType.ESCAPE_STRING)
                    || literal.is(TokenType.DOLLAR_STRING))) {
                throw LexException.syntax("UESCAPE must be followed by a simple string literal", word.start());
            }
            String e = literal.value();
            if (e.length() != 1 || !validEscape(e.charAt(0))) {
                throw LexException.syntax("invalid Unicode escape character", literal.start());
            }
            escape = e.charAt(0);
            pos = literal.end();
        }
        String decoded = EscapeDecoder.decodeUnicode(q.value(), escape, start);
        return identifier
                ? token(TokenType.QUOTED_IDENTIFIER, start, truncateName(decoded))
                : token(TokenType.UNICODE_STRING, start, decoded);
    }

    private Token nextSignificant() {
        while (pos < n) {
            Token t = next();
            if (!t.isTrivia()) return t;
        }
        return null;
    }

    /** {@code $n} parameter, {@code $tag$...$tag$} string, or a lone {@code $} (which the grammar rejects). */
    private Token dollar(int start) {
        int j = start + 1;
        if (j < n && isDigit(s.charAt(j))) {
            while (j < n && isDigit(s.charAt(j))) j++;
            if (j < n && isIdentStart(s.charAt(j))) throw LexException.syntax("trailing junk after parameter", start);
            pos = j;
            return token(TokenType.PARAMETER, start, s.substring(start + 1, j));
        }
        if (j < n && isIdentStart(s.charAt(j))) {
            j++;
            while (j < n && isDollarTagChar(s.charAt(j))) j++;
        }
        if (j >= n || s.charAt(j) != '$') return fixed(TokenType.OTHER, 1);
        String delimiter = s.substring(start, j + 1);
        int close = s.indexOf(delimiter, j + 1);
        if (close < 0) throw LexException.syntax("unterminated dollar-quoted string", start);
        pos = close + delimiter.length();
        return token(TokenType.DOLLAR_STRING, start, s.substring(j + 1, close));
    }

    private Token identifier(int start) {
        int j = start + 1;
        while (j < n && isIdentCont(s.charAt(j))) j++;
        pos = j;
        String folded = truncateName(foldAscii(s.substring(start, j)));
        return new Token(TokenType.IDENTIFIER, start, j, s.substring(start, j), folded, PgKeywords.isKeyword(folded));
    }

    /** Longest run of operator characters, cut at a comment start and trailing +/- per PostgreSQL's rule. */
    private Token operator(int start) {
        int j = start;
        while (j < n && OP_CHARS.indexOf(s.charAt(j)) >= 0) j++;
        String run = s.substring(start, j);
        int len = run.length();
        int comment = firstPositive(run.indexOf("/*"), run.indexOf("--"));
        if (comment > 0) len = comment;
        if (len > 1 && (run.charAt(len - 1) == '+' || run.charAt(len - 1) == '-')) {
            boolean special = false;
            for (int k = 0; k < len - 1; k++) special |= OP_OK_BEFORE_TRAILING_SIGN.indexOf(run.charAt(k)) >= 0;
            if (!special) {
                do len--; while (len > 1 && (run.charAt(len - 1) == '+' || run.charAt(len - 1) == '-'));
            }
        }
        if (len >= MAX_NAME_BYTES + 1) throw LexException.syntax("operator too long", start);
        pos = start + len;
        String text = run.substring(0, len);
        return new Token(TokenType.OPERATOR, start, pos, text, text.equals("!=") ? "<>" : text, false);
    }

    private Token fixed(TokenType type, int length) {
        int start = pos;
        pos += length;
        return token(type, start, null);
    }

    Token token(TokenType type, int start, String value) {
        pos = Math.max(pos, start);
        String text = s.substring(start, pos);
        return new Token(type, start, pos, text, value == null ? text : value, false);
    }

    void advanceTo(int end) {
        pos = end;
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private static int firstPositive(int a, int b) {
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }

    private static boolean validEscape(char c) {
        return !EscapeDecoder.isHex(c) && c != '+' && c != '\'' && c != '"' && !isSpace(c) && c < 0x80;
    }

    /** ASCII-only lower-casing: PostgreSQL leaves other letters alone in multi-byte encodings. */
    static String foldAscii(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) if (chars[i] >= 'A' && chars[i] <= 'Z') chars[i] += 'a' - 'A';
        return new String(chars);
    }

    /** Truncates to at most 63 UTF-8 bytes on a character boundary, as PostgreSQL does with a NOTICE. */
    static String truncateName(String name) {
        if (name.length() <= MAX_NAME_BYTES / 4 || name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) return name;
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_NAME_BYTES) break;
            bytes += size;
            i += Character.charCount(cp);
        }
        return name.substring(0, i);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Bytes >= 0x80 are identifier characters in PostgreSQL; here every non-ASCII char is. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagChar(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
