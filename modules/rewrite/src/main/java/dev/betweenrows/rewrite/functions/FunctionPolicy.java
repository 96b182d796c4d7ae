package dev.betweenrows.rewrite.functions;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import dev.betweenrows.rewrite.parse.SourceText;
import dev.betweenrows.rewrite.parse.StandInNames;
import dev.betweenrows.rewrite.scope.ResolveException;
import dev.betweenrows.rewrite.scope.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks every function a user query calls against {@link SafeFunctions}. A function that is not allowed is
 * refused exactly like a missing one ({@code 42883 function name(argtypes) does not exist}, with PostgreSQL's
 * hint), so the refusal tells nothing about what exists upstream. Two built-ins are allowed only in a bounded
 * form: {@code pg_sleep(n)} with a numeric literal {@code n ≤ 5} and {@code current_setting('x')} of a
 * client-formatting setting; other uses get {@code 42501 permission denied for function …}.
 *
 * <p>Allowed calls are pinned to {@code pg_catalog}, so an upstream function of the same name (or an overload
 * of it in another schema) can never be the one that runs. Only the user's parsed text is checked; policy expressions are spliced in later and never pass here.
 */
public final class FunctionPolicy {
    static final String HINT = "No function matches the given name and argument types. "
            + "You might need to add explicit type casts.";

    private FunctionPolicy() {}

    /**
     * Checks every call and returns the edits that pin the allowed ones to {@code pg_catalog} (see
     * {@link CatalogQualifier}).
     *
     * @throws ResolveException for the first (leftmost-outermost) function that is not allowed
     */
    public static List<TextEdit> check(SqlNode root, SourceText source) {
        List<TextEdit> edits = new ArrayList<>();
        root.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator() instanceof SqlFunction function && check(call, function, source)) {
                    CatalogQualifier.edit(call, function, source)
                            .filter(e -> edits.stream().noneMatch(d -> d.start() == e.start()))
                            .ifPresent(edits::add);
                } else if (call.getKind() == org.apache.calcite.sql.SqlKind.UNNEST) {
                    CatalogQualifier.unnest(call, source)
                            .filter(e -> edits.stream().noneMatch(d -> d.start() == e.start()))
                            .ifPresent(edits::add);
                }
                return super.visit(call);
            }
        });
        return edits;
    }

    /** True when allowed; throws when not. */
    private static boolean check(SqlCall call, SqlFunction function, SourceText source) {
        Token nameToken = nameToken(call, source);
        int offset = nameToken == null ? -1 : nameToken.start();
        List<String> names = names(call, function, source);
        String name = names.get(names.size() - 1);
        boolean qualifiedOk = names.size() == 1 || (names.size() == 2 && names.get(0).equals("pg_catalog"));
        if (qualifiedOk && SafeFunctions.isAllowed(name)) return true;
        if (qualifiedOk && name.equals("pg_sleep")) {
            if (BoundedCalls.sleepWithinBound(call)) return true;
            throw denied(name, offset);
        }
        if (qualifiedOk && name.equals("current_setting")) {
            if (BoundedCalls.readableSetting(call)) return true;
            throw denied(name, offset);
        }
        String written = String.join(".", names) + "(" + ArgumentTypes.describe(call) + ")";
        throw new ResolveException("42883", "function " + written + " does not exist", HINT, offset,
                "function not on the allowlist: " + String.join(".", names));
    }

    /** Operators Calcite's parser builds under its own name for a PostgreSQL function the user wrote. */
    private static final java.util.Map<String, String> CALCITE_NAMES = java.util.Map.of("translate3", "translate");

    /** The name the client wrote: the parser's, except where the neutralizer gave it a stand-in. */
    static List<String> names(SqlCall call, SqlFunction function, SourceText source) {
        List<String> names = names(function);
        if (names.size() != 1) return names;
        return List.of(StandInNames.written(names.get(0), nameToken(call, source)));
    }

    /**
     * The client's token the call starts with: its name. The parser's position of a parenthesised call,
     * {@code (lower(x))}, starts at the parenthesis, so leading parentheses are skipped. Null without a position.
     */
    static Token nameToken(SqlCall call, SourceText source) {
        if (call.getParserPosition().getLineNum() <= 0) return null;
        Token t = source.tokenAt(source.start(call.getParserPosition()));
        while (t != null && t.is(TokenType.LEFT_PAREN)) t = source.tokenFrom(t.end());
        return t;
    }

    private static List<String> names(SqlFunction function) {
        SqlIdentifier id = function.getSqlIdentifier();
        if (id != null && !id.names.isEmpty()) return id.names;
        String name = function.getName().toLowerCase(Locale.ROOT);
        return List.of(CALCITE_NAMES.getOrDefault(name, name));
    }

    private static ResolveException denied(String name, int offset) {
        return new ResolveException("42501", "permission denied for function " + name, offset,
                "function call outside its allowed bound: " + name);
    }
}
