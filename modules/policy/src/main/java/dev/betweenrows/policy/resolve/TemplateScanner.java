package dev.betweenrows.policy.resolve;

import dev.betweenrows.policy.BindingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits an expression into plain text and {@code {user.KEY}} placeholders, skipping PostgreSQL string
 * literals ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}), quoted identifiers and comments, so that a
 * placeholder inside them is never substituted.
 */
public final class TemplateScanner {
    private static final String OPEN = "{user.";
    private static final int MAX_KEY = 64;

    /** A piece of the expression: plain text or a placeholder at {@code [start, end)}. */
    public sealed interface Segment {}

    public record Text(String text) implements Segment {}

    public record Placeholder(String key, int start, int end) implements Segment {}

    private TemplateScanner() {}

    public static Set<String> keys(String text) {
        Set<String> keys = new TreeSet<>();
        for (Segment s : scan(text)) if (s instanceof Placeholder p) keys.add(p.key());
        return Collections.unmodifiableSet(keys);
    }

    public static List<Segment> scan(String s) {
        List<Segment> out = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '\'') {
                i = skipQuoted(s, i, '\'', isEscapeString(s, i));
            } else if (c == '"') {
                i = skipQuoted(s, i, '"', false);
            } else if (c == '-' && next == '-') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (c == '/' && next == '*') {
                i = skipBlockComment(s, i);
            } else if (c == '$' && dollarTagEnd(s, i) > 0) {
                i = skipDollarQuoted(s, i, dollarTagEnd(s, i));
            } else if (c == '{') {
                int end = placeholderEnd(s, i);
                if (i > textStart) out.add(new Text(s.substring(textStart, i)));
                out.add(new Placeholder(s.substring(i + OPEN.length(), end - 1), i, end));
                i = textStart = end;
            } else if (c == '}') {
                throw new BindingException("unmatched '}' at offset " + i);
            } else {
                i++;
            }
        }
        if (textStart < s.length()) out.add(new Text(s.substring(textStart)));
        return List.copyOf(out);
    }

    /** End offset (exclusive) of the placeholder starting at {@code start}, or an exception. */
    private static int placeholderEnd(String s, int start) {
        if (!s.startsWith(OPEN, start)) throw malformed(start);
        int i = start + OPEN.length();
        if (i >= s.length() || !isAsciiLetter(s.charAt(i))) throw malformed(start);
        while (i < s.length() && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (i - start - OPEN.length() > MAX_KEY || i >= s.length() || s.charAt(i) != '}') throw malformed(start);
        return i + 1;
    }

    private static BindingException malformed(int at) {
        return new BindingException("malformed placeholder at offset " + at + " (expected {user.KEY})");
    }

    /** {@code E'…'}: the quote follows a lone E (not the end of a longer identifier). */
    static boolean isEscapeString(String s, int quote) {
        if (quote < 1 || (s.charAt(quote - 1) != 'E' && s.charAt(quote - 1) != 'e')) return false;
        return quote < 2 || !isIdentChar(s.charAt(quote - 2));
    }

    private static int skipQuoted(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) i += 2;
                else return i + 1;
            } else {
                i++;
            }
        }
        throw new BindingException("unterminated " + (quote == '"' ? "quoted identifier" : "string") + " at offset " + start);
    }

    private static int skipBlockComment(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) { depth++; i += 2; }
            else if (s.startsWith("*/", i)) { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        throw new BindingException("unterminated comment at offset " + start);
    }

    /** If a dollar-quote tag ({@code $$} or {@code $tag$}) starts at {@code i}, its end; else -1. */
    private static int dollarTagEnd(String s, int i) {
        if (i > 0 && isIdentChar(s.charAt(i - 1))) return -1; // part of an identifier such as a$b
        int j = i + 1;
        if (j < s.length() && (isAsciiLetter(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) >= 0x80)) {
            while (j < s.length() && isIdentChar(s.charAt(j)) && s.charAt(j) != '$') j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1; // $1 (a parameter) gives -1
    }

    private static int skipDollarQuoted(String s, int start, int tagEnd) {
        String tag = s.substring(start, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        if (close < 0) throw new BindingException("unterminated dollar-quoted string at offset " + start);
        return close + tag.length();
    }

    static boolean isIdentChar(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
}
