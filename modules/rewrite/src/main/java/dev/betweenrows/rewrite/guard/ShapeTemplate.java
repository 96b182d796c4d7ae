package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.AppliedPolicy;
import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The rewrite of a {@link LiteralShape}: the rewritten sentinel text cut at each sentinel, so that the rewrite of
 * another statement of the shape is its literals put back between the pieces. A rewrite may copy a literal more
 * than once (a point lookup copied inside the fence); each copy is a slot.
 */
record ShapeTemplate(List<String> pieces, int[] slots, List<AppliedPolicy> applied) {

    /**
     * The template of {@code rewritten}, or null if a sentinel of the shape does not appear in it (the rewrite did
     * something with a literal other than keep it, so the shape cannot stand for other values), or if the nonce
     * appears anywhere but in whole sentinel tokens (glued to a neighbour, in a comment or a name): that copy would
     * keep the sentinel instead of the client's value, and send the nonce upstream.
     */
    static ShapeTemplate of(String rewritten, int literalCount, LiteralShape.Sentinels sentinels,
                            List<AppliedPolicy> applied) {
        List<String> pieces = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        boolean[] seen = new boolean[literalCount];
        int at = 0;
        for (Token t : PgLexer.tokenize(rewritten)) {
            int slot = sentinels.slotOf(t);
            if (slot < 0) continue;
            if (slot >= literalCount) return null;
            pieces.add(rewritten.substring(at, t.start()));
            slots.add(slot);
            seen[slot] = true;
            at = t.end();
        }
        for (boolean s : seen) {
            if (!s) return null;
        }
        if (sentinels.occurrences(rewritten) != slots.size()) return null;
        pieces.add(rewritten.substring(at));
        return new ShapeTemplate(List.copyOf(pieces), slots.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(applied));
    }

    String fill(List<String> literals) {
        int size = 0;
        for (String p : pieces) size += p.length();
        StringBuilder out = new StringBuilder(size + 16 * slots.length);
        for (int i = 0; i < slots.length; i++) {
            out.append(pieces.get(i)).append(literals.get(slots[i]));
        }
        return out.append(pieces.get(slots.length)).toString();
    }
}
