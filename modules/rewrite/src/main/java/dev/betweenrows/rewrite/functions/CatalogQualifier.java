package dev.betweenrows.rewrite.functions;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import dev.betweenrows.rewrite.parse.SourceText;
import dev.betweenrows.rewrite.scope.TextEdit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;

/**
 * Pins an allowed, unqualified function call to {@code pg_catalog} by inserting {@code pg_catalog.} before its
 * name. PostgreSQL resolves an unqualified name over the whole search path and picks the best-matching
 * overload, so {@code lower(42)} would run an upstream {@code public.lower(integer)} with the proxy's upstream
 * role; a qualified call can only run the built-in (or fail when the server lacks it). Names PostgreSQL's grammar
 * reads as special forms are left alone: their SQL-standard spellings ({@code extract(x FROM y)},
 * {@code substring(a FROM 1)}) already resolve in {@code pg_catalog}, and {@code coalesce}/{@code nullif}/
 * {@code greatest}/{@code least}/{@code grouping} are not functions at all.
 */
final class CatalogQualifier {
    private static final Set<String> SPECIAL_FORMS = Set.of("coalesce", "nullif", "greatest", "least", "grouping",
            "cast", "extract", "trim", "position", "normalize");
    /** Special forms only with these words inside; their plain comma form is an ordinary (unqualified) call. */
    private static final Set<String> KEYWORD_FORMS = Set.of("substring", "overlay");
    private static final Set<String> FORM_WORDS = Set.of("from", "for", "placing", "similar");

    private CatalogQualifier() {}

    static Optional<TextEdit> edit(SqlCall call, SqlFunction function, SourceText source) {
        if (call.getParserPosition().getLineNum() <= 0) return Optional.empty();
        List<String> names = FunctionPolicy.names(call, function, source);
        if (names.size() != 1 || SPECIAL_FORMS.contains(names.get(0))) return Optional.empty();
        return pin(call, names.get(0), source);
    }

    /**
     * {@code unnest(…)} in FROM: Calcite reads it as its UNNEST operator, not as a function, but upstream it is an
     * ordinary function call that an upstream {@code unnest(integer[])} would shadow.
     */
    static Optional<TextEdit> unnest(SqlCall call, SourceText source) {
        if (call.getParserPosition().getLineNum() <= 0) return Optional.empty();
        return pin(call, "unnest", source);
    }

    private static Optional<TextEdit> pin(SqlCall call, String function, SourceText source) {
        Token name = FunctionPolicy.nameToken(call, source);
        // Only a call written as name( … ): the parser also builds calls from other syntax (e.g. operators).
        if (name == null || !name.type().isIdentifier() || !name.value().equals(function)) return Optional.empty();
        Token next = source.tokenFrom(name.end());
        if (next == null || !next.is(TokenType.LEFT_PAREN)) return Optional.empty();
        if (KEYWORD_FORMS.contains(function) && hasFormWords(source, next)) return Optional.empty();
        return Optional.of(new TextEdit(name.start(), name.start(), "pg_catalog."));
    }

    /** Whether FROM/FOR/PLACING/SIMILAR appears directly inside the parentheses opened by {@code open}. */
    private static boolean hasFormWords(SourceText source, Token open) {
        int depth = 0;
        for (Token t : source.significant()) {
            if (t.start() < open.start()) continue;
            if (t.is(TokenType.LEFT_PAREN) || t.is(TokenType.LEFT_BRACKET)) depth++;
            else if (t.is(TokenType.RIGHT_PAREN) || t.is(TokenType.RIGHT_BRACKET)) {
                if (--depth == 0) return false;
            } else if (depth == 1 && t.is(TokenType.IDENTIFIER) && FORM_WORDS.contains(t.value())) {
                return true;
            }
        }
        return true; // unbalanced: leave it alone (the parser accepted it, so this does not happen)
    }
}
