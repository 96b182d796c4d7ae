package dev.betweenrows.rewrite.guard;

import dev.betweenrows.rewrite.lex.IntegerArithmetic;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement with its "opaque" literals taken out: {@code WHERE aid = 48213} and {@code WHERE aid = 7} have one
 * shape, so the rewrite of one serves the other (simple-protocol clients inline every value).
 *
 * <p>A literal is opaque when nothing in the rewrite can depend on its value: it is a plain {@code '…'} string or
 * an integer that follows a comparison operator, {@code LIKE}/{@code ILIKE}, {@code BETWEEN}, {@code AND}/{@code OR},
 * {@code WHEN}/{@code THEN}/{@code ELSE}, {@code LIMIT} or {@code OFFSET}, or an element of an {@code IN} list made
 * of literals only, and it is not followed by a cast,
 * subscript, call or another string. Function arguments never qualify: the function policy reads some of them
 * ({@code pg_sleep(5)}, {@code current_setting('x')}). Typed literals ({@code interval '1 day'}) never qualify
 * either (a word precedes them), nor does a word after a dot ({@code s.in(1)} is a call, {@code o.like 'x'} a typed
 * literal). Everything else, including the rest of the text byte for byte, is the key.
 *
 * <p>Only the two spellings that every reader of the text (this lexer, Calcite's parser, PostgreSQL) sees as one
 * self-contained token qualify: a string with no continuation ({@code 'a'} and not {@code 'a'<newline>'b'}, which
 * may carry a comment inside) and decimal digits only (not {@code 0x1F}, {@code 0b1}, {@code 1_000}: Calcite reads
 * those as names and PostgreSQL before 16 as a number and an alias). The sentinel that stands for a literal must
 * glue to its neighbours exactly like the literal does, which a decimal sentinel does not for {@code 0x1.5}.
 * A text with a NUL has no shape: NUL marks the literals in the key. Nor has a text whose integer arithmetic
 * around an opaque literal ({@code BETWEEN 5 AND 5 + 100}) would fold differently with the sentinels than with its
 * own values: whether the rewrite copies such a bound depends on it ({@link #foldsAlike}).
 *
 * <p>{@link #sentinelText} is the statement with each opaque literal replaced by a unique sentinel of the same
 * token class; its rewrite, with the sentinels put back, is the rewrite of every statement of the shape.
 */
record LiteralShape(String key, List<String> literals, String sentinelText) {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    private static final Set<String> WORDS_BEFORE = Set.of("like", "ilike", "limit", "offset", "between", "and",
            "or", "when", "then", "else");
    private static final Set<TokenType> NOT_AFTER = Set.of(TokenType.TYPECAST, TokenType.LEFT_BRACKET,
            TokenType.LEFT_PAREN, TokenType.DOT, TokenType.STRING, TokenType.ESCAPE_STRING,
            TokenType.UNICODE_STRING, TokenType.DOLLAR_STRING);

    /** The shape of {@code st}, or null when it has no opaque literal or the sentinels could collide. */
    static LiteralShape of(Statement st, Sentinels sentinels) {
        List<Token> sig = st.significant();
        boolean[] opaque = new boolean[sig.size()];
        int count = 0;
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (isInListStart(sig, i)) {
                int end = inListEnd(sig, i + 2);
                if (end > 0) {
                    for (int j = i + 2; j < end; j += 2) {
                        opaque[j] = true;
                        count++;
                    }
                    i = end;
                    continue;
                }
            }
            if (isCandidate(t) && i > 0 && opensOperand(sig, i - 1) && followsSafely(sig, i)) {
                opaque[i] = true;
                count++;
            }
        }
        if (count == 0 || !foldsAlike(sig, opaque, sentinels)) return null;
        String text = st.text();
        if (sentinels.collidesWith(text) || text.indexOf('\u0000') >= 0) return null;
        StringBuilder key = new StringBuilder(text.length());
        StringBuilder sentinel = new StringBuilder(text.length() + 16 * count);
        List<String> literals = new ArrayList<>(count);
        int at = st.start();
        for (int i = 0; i < sig.size(); i++) {
            if (!opaque[i]) continue;
            Token t = sig.get(i);
            String between = st.source().substring(at, t.start());
            key.append(between).append('\u0000').append(t.is(TokenType.INTEGER) ? 'i' : 's');
            sentinel.append(between).append(sentinels.of(t.type(), literals.size()));
            literals.add(t.text());
            at = t.end();
        }
        String rest = st.source().substring(at, st.end());
        key.append(rest);
        sentinel.append(rest);
        return new LiteralShape(key.toString(), List.copyOf(literals), sentinel.toString());
    }

    /**
     * Every run of integer literals and {@code + - *} with an opaque literal in it folds without an error with the
     * sentinels exactly when it does as written: the rewrite copies such arithmetic inside a fence only when it
     * folds ({@link IntegerArithmetic}; a copied bound is always a whole run), so a template made from the sentinels
     * decides for this statement's values too.
     */
    private static boolean foldsAlike(List<Token> sig, boolean[] opaque, Sentinels sentinels) {
        int[] slot = null;   // the sentinel number of each opaque literal, once a run needs it
        for (int i = 0; i < sig.size(); i++) {
            if (!opaque[i] || !sig.get(i).is(TokenType.INTEGER)) continue;
            int from = i;
            int to = i + 1;
            while (from > 0 && IntegerArithmetic.isPart(sig.get(from - 1))) from--;
            while (to < sig.size() && IntegerArithmetic.isPart(sig.get(to))) to++;
            if (to - from == 1) continue;
            if (slot == null) slot = slots(opaque);
            List<String> written = new ArrayList<>(to - from);
            List<String> withSentinels = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                written.add(sig.get(j).text());
                withSentinels.add(opaque[j] ? sentinels.of(TokenType.INTEGER, slot[j]) : sig.get(j).text());
            }
            if (IntegerArithmetic.fold(written).isPresent() != IntegerArithmetic.fold(withSentinels).isPresent()) {
                return false;
            }
            i = to - 1;   // the run is checked once, however many opaque literals it has
        }
        return true;
    }

    private static int[] slots(boolean[] opaque) {
        int[] slot = new int[opaque.length];
        for (int i = 0, n = 0; i < opaque.length; i++) {
            if (opaque[i]) slot[i] = n++;
        }
        return slot;
    }

    private static boolean isCandidate(Token t) {
        return (t.is(TokenType.INTEGER) && isDecimal(t.text())) || (t.is(TokenType.STRING) && isSimpleString(t.text()));
    }

    /**
     * Digits only: no {@code 0x}/{@code 0o}/{@code 0b} prefix, no {@code _} separators; at most 18 digits, so the
     * literal is a {@code bigint} like every sentinel (a longer one is {@code numeric} to PostgreSQL, and the rewrite
     * treats those differently: it copies no numeric comparison inside a fence).
     */
    private static boolean isDecimal(String text) {
        if (text.isEmpty() || text.length() > 18) return false;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') return false;
        }
        return true;
    }

    /** {@code '…'} whose only quotes inside are doubled ones: no prefix, no continuation onto another line. */
    private static boolean isSimpleString(String text) {
        int last = text.length() - 1;
        if (last < 1 || text.charAt(0) != '\'' || text.charAt(last) != '\'') return false;
        for (int k = 1; k < last; k++) {
            if (text.charAt(k) != '\'') continue;
            if (k + 1 >= last || text.charAt(k + 1) != '\'') return false;
            k++;
        }
        return true;
    }

    private static boolean opensOperand(List<Token> sig, int at) {
        Token before = sig.get(at);
        if (before.is(TokenType.OPERATOR)) return COMPARISONS.contains(before.text());
        return before.is(TokenType.IDENTIFIER) && WORDS_BEFORE.contains(before.value()) && !afterDot(sig, at);
    }

    /** A word right after a dot is a name ({@code s.in}, {@code o.like}), never the keyword. */
    private static boolean afterDot(List<Token> sig, int at) {
        return at > 0 && sig.get(at - 1).is(TokenType.DOT);
    }

    private static boolean followsSafely(List<Token> sig, int i) {
        return i + 1 >= sig.size() || !NOT_AFTER.contains(sig.get(i + 1).type());
    }

    private static boolean isInListStart(List<Token> sig, int i) {
        return sig.get(i).is(TokenType.IDENTIFIER) && sig.get(i).value().equals("in") && !afterDot(sig, i)
                && i + 1 < sig.size() && sig.get(i + 1).is(TokenType.LEFT_PAREN);
    }

    /** For {@code IN ( lit , lit … )} starting at the first literal: the index of {@code )}, else -1. */
    private static int inListEnd(List<Token> sig, int first) {
        int i = first;
        while (i < sig.size() && isCandidate(sig.get(i))) {
            if (i + 1 >= sig.size()) return -1;
            Token next = sig.get(i + 1);
            if (next.is(TokenType.RIGHT_PAREN)) return i + 1;
            if (!next.is(TokenType.COMMA)) return -1;
            i += 2;
        }
        return -1;
    }

    /**
     * Sentinel literals: unique per guard (a random nonce) so that nothing else in a rewrite, a client's text or
     * an admin's policy expression, spells one. A policy constant that happened to spell a sentinel would be cut
     * out of the template and filled with a client's literal, so the integer nonce is wide (eleven random digits, not a
     * number anyone writes); the client's text is checked ({@link #collidesWith}), policy text cannot be.
     */
    static final class Sentinels {
        private final String digits;
        private final String word;

        Sentinels(long seed) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            // "1" and eleven random digits, then "0" and a slot of at most six digits: at most 19 digits starting
            // with 1, so always a bigint, like every literal that may stand in a shape
            long n = random.nextLong(10_000_000_000L, 100_000_000_000L);
            this.digits = "1" + n;
            this.word = "br" + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        }

        String of(TokenType type, int slot) {
            return type == TokenType.INTEGER ? digits + "0" + slot : "'" + word + "_" + slot + "'";
        }

        /** The slot a sentinel token's text stands for, or -1. */
        int slotOf(Token t) {
            String text = t.text();
            String prefix = t.is(TokenType.INTEGER) ? digits + "0" : t.is(TokenType.STRING) ? "'" + word + "_" : null;
            if (prefix == null || !text.startsWith(prefix)) return -1;
            String rest = t.is(TokenType.STRING) ? text.substring(prefix.length(), text.length() - 1)
                    : text.substring(prefix.length());
            if (rest.isEmpty() || rest.length() > 6 || !rest.chars().allMatch(Character::isDigit)) return -1;
            if (rest.length() > 1 && rest.charAt(0) == '0') return -1;
            return Integer.parseInt(rest);
        }

        boolean collidesWith(String text) {
            return text.contains(digits) || text.contains(word);
        }

        /** How often the nonce appears in {@code text} at all (in tokens, comments, names, anywhere). */
        int occurrences(String text) {
            return count(text, digits) + count(text, word);
        }

        private static int count(String text, String part) {
            int found = 0;
            for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) found++;
            return found;
        }
    }
}
