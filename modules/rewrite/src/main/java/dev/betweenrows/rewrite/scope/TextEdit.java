package dev.betweenrows.rewrite.scope;

/** Replace {@code [start, end)} of the statement text by {@code replacement}. */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad edit bounds");
    }
}
