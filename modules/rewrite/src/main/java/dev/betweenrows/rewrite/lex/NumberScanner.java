package dev.betweenrows.rewrite.lex;

/**
 * Numeric literals per PostgreSQL 16: decimal with optional {@code _} separators, {@code 0x}/{@code 0o}/{@code 0b}
 * integers, {@code 1.}, {@code .5}, {@code 1.e5}. A letter right after a number is an error ("trailing junk"), and
 * {@code 1..2} reads as {@code 1}, {@code ..}, {@code 2}.
 */
final class NumberScanner {

    private NumberScanner() {}

    static Token scan(PgLexer lexer, String s, int start) {
        int n = s.length();
        char c = s.charAt(start);
        boolean numeric = false;
        int j;
        int radix = c == '0' && start + 1 < n ? radix(s.charAt(start + 1)) : 10;
        if (radix != 10) {
            j = start + 2;
            int digits = 0;
            while (j < n) {
                char d = s.charAt(j);
                if (d == '_' && j + 1 < n && isDigit(s.charAt(j + 1), radix)) j += 2;
                else if (isDigit(d, radix)) j++;
                else break;
                digits++;
            }
            if (digits == 0) throw LexException.syntax("invalid " + radixName(radix) + " integer", start);
        } else {
            j = c == '.' ? start : decimalDigits(s, start);
            if (j < n && s.charAt(j) == '.') {
                if (j > start && j + 1 < n && s.charAt(j + 1) == '.') return finish(lexer, start, j, false);
                numeric = true;
                j++;
                if (j < n && PgLexer.isDigit(s.charAt(j))) j = decimalDigits(s, j);
            }
            if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                if (k >= n || !PgLexer.isDigit(s.charAt(k))) throw junk(start);
                j = decimalDigits(s, k);
                numeric = true;
            }
        }
        if (j < n && PgLexer.isIdentStart(s.charAt(j))) throw junk(start);
        return finish(lexer, start, j, numeric);
    }

    private static Token finish(PgLexer lexer, int start, int end, boolean numeric) {
        lexer.advanceTo(end);
        return lexer.token(numeric ? TokenType.NUMERIC : TokenType.INTEGER, start, null);
    }

    /** Digits with single underscores between them, starting at a digit. */
    private static int decimalDigits(String s, int from) {
        int j = from + 1;
        while (j < s.length()) {
            char d = s.charAt(j);
            if (PgLexer.isDigit(d)) j++;
            else if (d == '_' && j + 1 < s.length() && PgLexer.isDigit(s.charAt(j + 1))) j += 2;
            else break;
        }
        return j;
    }

    private static int radix(char prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 10;
        };
    }

    private static String radixName(int radix) {
        return switch (radix) {
            case 16 -> "hexadecimal";
            case 8 -> "octal";
            default -> "binary";
        };
    }

    private static boolean isDigit(char c, int radix) {
        return switch (radix) {
            case 16 -> EscapeDecoder.isHex(c);
            case 8 -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }

    private static LexException junk(int start) {
        return LexException.syntax("trailing junk after numeric literal", start);
    }
}
