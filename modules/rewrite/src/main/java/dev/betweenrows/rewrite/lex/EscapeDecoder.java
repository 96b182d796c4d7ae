package dev.betweenrows.rewrite.lex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes backslash escapes of E'...' strings and the Unicode escapes of U&'...' / U&"..." literals. */
final class EscapeDecoder {

    private final StringBuilder out = new StringBuilder();
    /** Octal and hex escapes produce bytes that must form valid UTF-8 together. */
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final int tokenStart;

    EscapeDecoder(int tokenStart) {
        this.tokenStart = tokenStart;
    }

    void append(char c) {
        flushBytes();
        out.append(c);
    }

    /** Decodes the escape whose backslash is at {@code i}; returns the index after it. */
    int escape(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) throw LexException.syntax("unterminated quoted string", tokenStart);
        char c = s.charAt(i + 1);
        if (c >= '0' && c <= '7') {
            int j = i + 1;
            int value = 0;
            while (j < n && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') value = value * 8 + (s.charAt(j++) - '0');
            pendingBytes.write(value & 0xFF);
            return j;
        }
        if (c == 'x' && i + 2 < n && isHex(s.charAt(i + 2))) {
            int j = i + 2;
            int value = 0;
            while (j < n && j < i + 4 && isHex(s.charAt(j))) value = value * 16 + Character.digit(s.charAt(j++), 16);
            pendingBytes.write(value);
            return j;
        }
        if (c == 'u' || c == 'U') {
            int digits = c == 'u' ? 4 : 8;
            int cp = hex(s, i + 2, digits, i);
            int next = i + 2 + digits;
            if (Character.isHighSurrogate((char) cp) && cp <= 0xFFFF) {
                int low = -1;
                if (next + 1 < n && s.charAt(next) == '\\' && (s.charAt(next + 1) == 'u' || s.charAt(next + 1) == 'U')) {
                    int lowDigits = s.charAt(next + 1) == 'u' ? 4 : 8;
                    low = hex(s, next + 2, lowDigits, next);
                    next = next + 2 + lowDigits;
                }
                if (low < 0 || low > 0xFFFF || !Character.isLowSurrogate((char) low)) throw surrogate(i);
                cp = Character.toCodePoint((char) cp, (char) low);
            }
            appendCodePoint(cp, i);
            return next;
        }
        append(switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        });
        return i + 2;
    }

    String finish() {
        flushBytes();
        if (out.indexOf("\0") >= 0) throw new LexException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", tokenStart);
        return out.toString();
    }

    /** Decodes {@code raw} (a U& literal's body) with the given escape character. */
    static String decodeUnicode(String raw, char escape, int tokenStart) {
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != escape) {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                sb.append(escape);
                i += 2;
                continue;
            }
            boolean six = i + 1 < raw.length() && raw.charAt(i + 1) == '+';
            int digits = six ? 6 : 4;
            int at = i + (six ? 2 : 1);
            int cp = hexOrMinus(raw, at, digits);
            if (cp < 0) throw invalidEscape(tokenStart);
            i = at + digits;
            if (cp <= 0xFFFF && Character.isHighSurrogate((char) cp)) {
                int low = -1;
                if (i + 1 < raw.length() && raw.charAt(i) == escape) {
                    boolean lowSix = raw.charAt(i + 1) == '+';
                    int lowAt = i + (lowSix ? 2 : 1);
                    low = hexOrMinus(raw, lowAt, lowSix ? 6 : 4);
                    if (low >= 0) i = lowAt + (lowSix ? 6 : 4);
                }
                if (low < 0 || low > 0xFFFF || !Character.isLowSurrogate((char) low)) throw surrogate(tokenStart);
                cp = Character.toCodePoint((char) cp, (char) low);
            }
            checkCodePoint(cp, tokenStart);
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private void appendCodePoint(int cp, int offset) {
        checkCodePoint(cp, offset);
        flushBytes();
        out.appendCodePoint(cp);
    }

    private static void checkCodePoint(int cp, int offset) {
        if (cp == 0 || cp > Character.MAX_CODE_POINT) throw LexException.syntax("invalid Unicode escape value", offset);
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) throw surrogate(offset);
    }

    private int hex(String s, int at, int digits, int offset) {
        int v = hexOrMinus(s, at, digits);
        if (v < 0) throw invalidEscape(offset);
        return v;
    }

    private static int hexOrMinus(String s, int at, int digits) {
        if (at + digits > s.length()) return -1;
        long v = 0;
        for (int k = at; k < at + digits; k++) {
            if (!isHex(s.charAt(k))) return -1;
            v = v * 16 + Character.digit(s.charAt(k), 16);
        }
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void flushBytes() {
        if (pendingBytes.size() == 0) return;
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pendingBytes.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new LexException("22021", "invalid byte sequence for encoding \"UTF8\"", tokenStart);
        }
        pendingBytes.reset();
    }

    private static LexException invalidEscape(int offset) {
        return new LexException("22025", "invalid Unicode escape", offset);
    }

    private static LexException surrogate(int offset) {
        return LexException.syntax("invalid Unicode surrogate pair", offset);
    }
}
