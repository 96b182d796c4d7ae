package dev.betweenrows.rewrite.lex;

/** Scans quoted literals the way PostgreSQL's scanner does (standard_conforming_strings = on). */
final class QuotedLiterals {

    /** End index (exclusive) of a literal and its value (decoded, or raw for U& bodies and bit strings). */
    record Scanned(int end, String value) {}

    private QuotedLiterals() {}

    /**
     * A '...' family literal whose opening quote is at {@code open}. {@code ''} doubles a quote except in B'' and
     * X''; E'' decodes backslash escapes; U&'' returns its raw body (escapes are decoded after UESCAPE is known).
     * Literals separated only by whitespace containing a newline are one literal, as in PostgreSQL.
     */
    static Scanned string(String s, int tokenStart, int open, TokenType type) {
        boolean doubling = type != TokenType.BIT_STRING && type != TokenType.HEX_STRING;
        boolean escapes = type == TokenType.ESCAPE_STRING;
        EscapeDecoder decoder = new EscapeDecoder(tokenStart);
        int n = s.length();
        int i = open + 1;
        while (true) {
            if (i >= n) throw LexException.syntax(unterminated(type), tokenStart);
            char c = s.charAt(i);
            if (c == '\'') {
                if (doubling && i + 1 < n && s.charAt(i + 1) == '\'') {
                    decoder.append('\'');
                    i += 2;
                    continue;
                }
                int next = continuation(s, i + 1);
                if (next < 0) return new Scanned(i + 1, decoder.finish());
                i = next + 1;
            } else if (escapes && c == '\\') {
                i = decoder.escape(s, i);
            } else {
                decoder.append(c);
                i++;
            }
        }
    }

    /** A "..." identifier body whose opening quote is at {@code open}; returns the raw (undecoded) name. */
    static Scanned quotedIdentifier(String s, int tokenStart, int open) {
        StringBuilder sb = new StringBuilder();
        int n = s.length();
        int i = open + 1;
        while (true) {
            if (i >= n) throw LexException.syntax("unterminated quoted identifier", tokenStart);
            char c = s.charAt(i);
            if (c == '"') {
                if (i + 1 < n && s.charAt(i + 1) == '"') {
                    sb.append('"');
                    i += 2;
                    continue;
                }
                if (sb.isEmpty()) throw LexException.syntax("zero-length delimited identifier", tokenStart);
                return new Scanned(i + 1, sb.toString());
            }
            sb.append(c);
            i++;
        }
    }

    /**
     * If a literal ending just before {@code i} continues (horizontal space or -- comments, a newline, then any
     * whitespace or whole-line -- comments, then a quote), the index of that quote; else -1.
     */
    static int continuation(String s, int i) {
        int n = s.length();
        int k = i;
        while (k < n) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') k++;
            else if (c == '-' && k + 1 < n && s.charAt(k + 1) == '-') k = lineEnd(s, k);
            else break;
        }
        if (k >= n || (s.charAt(k) != '\n' && s.charAt(k) != '\r')) return -1;
        k++;
        while (k < n) {
            char c = s.charAt(k);
            if (PgLexer.isSpace(c)) {
                k++;
            } else if (c == '-' && k + 1 < n && s.charAt(k + 1) == '-') {
                k = lineEnd(s, k);
                if (k >= n) return -1;
            } else {
                break;
            }
        }
        return k < n && s.charAt(k) == '\'' ? k : -1;
    }

    static int lineEnd(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) != '\n' && s.charAt(k) != '\r') k++;
        return k;
    }

    private static String unterminated(TokenType type) {
        return switch (type) {
            case BIT_STRING -> "unterminated bit string literal";
            case HEX_STRING -> "unterminated hexadecimal string literal";
            default -> "unterminated quoted string";
        };
    }
}
