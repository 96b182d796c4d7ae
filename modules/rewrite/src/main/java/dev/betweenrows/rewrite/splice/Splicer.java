package dev.betweenrows.rewrite.splice;

import dev.betweenrows.rewrite.scope.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies non-overlapping edits to a text; everything outside the edits is copied byte for byte. */
public final class Splicer {
    private Splicer() {}

    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start));
        StringBuilder out = new StringBuilder(text.length() + 256 * sorted.size());
        int at = 0;
        for (TextEdit e : sorted) {
            if (e.start() < at || e.end() > text.length()) throw new IllegalStateException("overlapping edits");
            out.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
