package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * {@code x AS next} reads as {@code x "next"}: PostgreSQL takes any keyword as a label after AS, Babel reserves
 * some PostgreSQL does not ({@code next}, {@code date}, {@code value}s of SQL:2016). The alias becomes the quoted
 * form of the name PostgreSQL folds it to, so resolution sees the same name. Left alone: a type after AS inside
 * {@code CAST(…)}, a word followed by {@code (} ({@code WITH x AS (…)}), and a span with a line break in it (the
 * parser's line numbers must stay those of the client's text).
 */
final class KeywordAliases {
    private KeywordAliases() {}

    static void rewrite(char[] out, List<Token> sig, Nesting nesting, SqlAbstractParserImpl.Metadata metadata) {
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token as = sig.get(i);
            Token word = sig.get(i + 1);
            if (!as.isWord("as") || !word.is(TokenType.IDENTIFIER) || word.isWord("not")) continue;
            if (!metadata.isReservedWord(word.value().toUpperCase(Locale.ROOT))) continue;
            if (i + 2 < sig.size() && sig.get(i + 2).is(TokenType.LEFT_PAREN)) continue;
            int open = nesting.enclosing(i);
            if (open > 0 && sig.get(open - 1).isWord("cast")) continue;
            if (containsLineBreak(out, as.start(), word.end())) continue;
            Neutralizer.replace(out, as.start(), word.end(), '"' + word.value() + '"');
        }
    }

    private static boolean containsLineBreak(char[] out, int start, int end) {
        for (int k = start; k < end; k++) if (out[k] == '\n' || out[k] == '\r') return true;
        return false;
    }
}
