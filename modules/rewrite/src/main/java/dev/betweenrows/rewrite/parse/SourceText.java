package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The text of one statement as the client wrote it, with its PostgreSQL tokens and a map from Calcite's
 * (line, column) positions to string offsets. Calcite counts a tab as one column and treats {@code \n},
 * {@code \r} and {@code \r\n} as one line break each, as this index does.
 */
public final class SourceText {
    private final String text;
    private final List<Token> tokens;
    private final List<Token> significant;
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        this.tokens = PgLexer.tokenize(text);
        this.significant = tokens.stream().filter(t -> !t.isTrivia()).toList();
        this.lineStarts = lineStarts(text);
    }

    public String text() { return text; }

    public List<Token> tokens() { return tokens; }

    public List<Token> significant() { return significant; }

    /** Offset of a 1-based (line, column) pair. */
    public int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) throw new IllegalArgumentException("position outside the text");
        int offset = lineStarts[line - 1] + column - 1;
        if (offset < 0 || offset > text.length()) throw new IllegalArgumentException("position outside the text");
        return offset;
    }

    /** Offset of the first character a node spans. */
    public int start(SqlParserPos pos) {
        return offset(pos.getLineNum(), pos.getColumnNum());
    }

    /** Offset just past the last character a node spans. */
    public int end(SqlParserPos pos) {
        return offset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    }

    /** The significant token that starts at {@code offset}, or null. */
    public Token tokenAt(int offset) {
        int i = firstEndingAfter(offset);
        return i < significant.size() && significant.get(i).start() == offset ? significant.get(i) : null;
    }

    /** The last significant token ending at or before {@code offset}, or null. */
    public Token tokenBefore(int offset) {
        int i = firstEndingAfter(offset);
        return i == 0 ? null : significant.get(i - 1);
    }

    /** The first significant token ending after {@code offset} (the one at or after it), or null. */
    public Token tokenFrom(int offset) {
        int i = firstEndingAfter(offset);
        return i < significant.size() ? significant.get(i) : null;
    }

    /**
     * Index of the first significant token that ends after {@code offset} (size when none). Tokens are in order and
     * do not overlap, so their ends are ascending: a binary search, as callers walk long texts token by token.
     */
    private int firstEndingAfter(int offset) {
        int lo = 0;
        int hi = significant.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (significant.get(mid).end() > offset) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\r' || c == '\n') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
