package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.ControlKind;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardDecision.ControlArgs;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.rewrite.classify.StatementClassifier;
import dev.betweenrows.rewrite.classify.StatementKind;
import dev.betweenrows.rewrite.lex.LexException;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.lex.StatementSplitter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statement guard: split, classify, then rewrite queries, answer trivial session queries locally, hand
 * session and transaction control to the wire, refuse the rest. Fails closed: any unexpected error is a refusal.
 *
 * <p>One statement per check: the wire splits simple-protocol strings with {@link #split} and checks each
 * statement; a text that still holds several statements is refused ({@code 0A000}).
 */
public final class CalciteQueryGuard implements QueryGuard {
    private static final int MAX_PARAMETERS = 65535; // PostgreSQL's limit per statement
    private static final int MAX_KEPT_SPLIT = 16 * 1024;
    private final QueryPath queries;

    public CalciteQueryGuard(String serverVersion, List<String> searchPath, int cacheSize) {
        this.queries = new QueryPath(serverVersion, searchPath, cacheSize);
    }

    @Override
    public GuardDecision check(GuardRequest request) {
        try {
            return decide(request, request.session());
        } catch (LexException e) {
            return new Refuse(e.sqlState(), e.getMessage(), null, Math.max(0, e.offset()) + 1, "lexer: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Refuse("XX000", "internal error while checking the statement", null, 0,
                    "guard failure: " + e);
        }
    }

    /** How many statements were parsed and rewritten so far (cache and template hits are not). */
    long rewrites() {
        return queries.rewrites();
    }

    /**
     * The wire splits a simple Query and then checks each piece on the same thread. When the whole string is one
     * statement, its tokens are kept here for that check, so the text is not lexed twice.
     */
    private final ThreadLocal<Statement> wholeStringSplit = new ThreadLocal<>();

    @Override
    public List<String> split(String sql) {
        try {
            List<Statement> statements = StatementSplitter.split(sql);
            Statement only = statements.size() == 1 ? statements.getFirst() : null;
            // a thread may serve other sessions later: a big text is not kept for the check that may never come
            if (only != null && only.start() == 0 && only.end() == sql.length() && sql.length() <= MAX_KEPT_SPLIT) {
                wholeStringSplit.set(only);
            } else {
                wholeStringSplit.remove();
            }
            if (only != null) return List.of(only.text());
            List<String> texts = new ArrayList<>(statements.size());
            for (Statement st : statements) texts.add(st.text());
            return List.copyOf(texts);
        } catch (LexException e) {
            wholeStringSplit.remove();
            return List.of(sql); // check() refuses the whole string with the lexer's error
        } catch (RuntimeException e) {
            wholeStringSplit.remove();
            return List.of(sql);
        }
    }

    private GuardDecision decide(GuardRequest request, GuardSession session) {
        if (request.protocol() == Protocol.EXTENDED) {
            return classified(StatementSplitter.single(request.sql()), session, catalogParameters(request),
                    request.parameterTypeOids());
        }
        Statement split = wholeStringSplit.get();
        wholeStringSplit.remove();
        List<Statement> statements = split != null && split.source() == request.sql()   // the very string just split
                ? List.of(split) : StatementSplitter.split(request.sql());
        if (statements.size() > 1) {
            return new Refuse("0A000", "multiple statements not supported yet", "send one statement per query",
                    statements.get(1).start() + 1, "multi-statement text");
        }
        return classified(statements.get(0), session, List.of(), List.of());
    }

    /**
     * Values for {@code $n} in a catalog query. At an extended-protocol Parse the values are not known yet: a
     * placeholder ({@code '0'}, which reads as a number or a string) stands for each, so that the answer's columns
     * can be described; the wire checks again at Bind with the real values. The simple protocol has no parameters.
     */
    private static List<String> catalogParameters(GuardRequest request) {
        if (request.parameterValues() != null) return request.parameterValues();
        return Collections.nCopies(MAX_PARAMETERS, "0");
    }

    private GuardDecision classified(Statement st, GuardSession session, List<String> parameters,
                                     List<Integer> parameterTypes) {
        StatementKind kind = StatementClassifier.classify(st);
        return switch (kind) {
            case StatementKind.Empty e -> ControlArgsMapper.control(ControlKind.EMPTY, st, null, ControlArgs.NONE);
            case StatementKind.Transaction t -> ControlArgsMapper.transaction(t, st);
            case StatementKind.SessionSet s -> ControlArgsMapper.session(s, st);
            case StatementKind.DiscardAll d -> ControlArgsMapper.control(ControlKind.DISCARD, st, null, ControlArgs.NONE);
            case StatementKind.Deallocate d -> ControlArgsMapper.deallocate(d, st);
            case StatementKind.FetchCursor f -> ControlArgsMapper.fetch(f, st);
            case StatementKind.CloseCursor c -> ControlArgsMapper.close(c, st);
            case StatementKind.DeclareCursor d -> queries.query(st, d.bodyOffset(), d.body(), session, parameters,
                    parameterTypes);
            case StatementKind.Query q -> queries.query(st, st.start(), q, session, parameters, parameterTypes);
            case StatementKind.Write w -> new Refuse(w.sqlState(), w.message(), null, 0, "write: " + w.command());
            case StatementKind.Refused r -> new Refuse(r.sqlState(), r.message(), null,
                    r.position() >= 0 ? r.position() + 1 : 0, "refused: " + r.command());
        };
    }
}
