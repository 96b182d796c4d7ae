package dev.betweenrows.rewrite.guard;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.rewrite.catalog.CatalogQueries;
import dev.betweenrows.rewrite.classify.StatementKind;
import dev.betweenrows.rewrite.enforce.Rewrite;
import dev.betweenrows.rewrite.enforce.StatementRewriter;
import dev.betweenrows.rewrite.functions.FunctionPolicy;
import dev.betweenrows.rewrite.lex.Statement;
import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.parse.PgSqlParser;
import dev.betweenrows.rewrite.parse.SourceText;
import dev.betweenrows.rewrite.scope.CatalogResolver;
import dev.betweenrows.rewrite.scope.ResolveException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Read queries (also the body of a DECLARE … CURSOR): catalog queries are answered in-process from the emulated,
 * policy-filtered catalog or refused, never forwarded (upstream catalogs leak hidden names and statistics); user
 * queries are rewritten, through the cache.
 */
final class QueryPath {
    private final List<String> searchPath;
    private final LocalAnswers local;
    private final RewriteCache<GuardDecision> cache;
    private final RewriteCache<Optional<ShapeTemplate>> shapes;
    private final LiteralShape.Sentinels sentinels = new LiteralShape.Sentinels(new SecureRandom().nextLong());
    private final CatalogQueries catalog;
    /** Statements parsed and rewritten (sentinel texts included); tests read it to see the caches work. */
    private final LongAdder rewrites = new LongAdder();

    QueryPath(String serverVersion, List<String> searchPath, int cacheSize) {
        this.searchPath = List.copyOf(searchPath);
        this.local = new LocalAnswers(serverVersion, searchPath.isEmpty() ? "public" : searchPath.get(0));
        this.cache = new RewriteCache<>(cacheSize);
        this.shapes = new RewriteCache<>(cacheSize);
        this.catalog = new CatalogQueries(serverVersion, this.searchPath);
    }

    /**
     * {@code bodyStart}: where the query starts in the statement's source (after DECLARE … FOR);
     * {@code parameters}: the text values a catalog query's {@code $n} stand for ({@code $1} is element 0).
     */
    GuardDecision query(Statement st, int bodyStart, StatementKind.Query kind, GuardSession session,
                        List<String> parameters, List<Integer> parameterTypes) {
        if (kind.touchesCatalog()) {
            GuardDecision emulated = null;
            if (bodyStart == st.start()) {
                var answer = local.answer(st, session);
                if (answer.isPresent()) return answer.get();
                emulated = catalog.answer(st.source().substring(st.start(), st.end()), parameters, session);
                if (!(emulated instanceof Refuse)) return emulated;
            }
            Refuse function = refusedFunction(st, bodyStart);
            if (function != null) return function;
            if (emulated instanceof Refuse r && !r.sqlState().equals("0A000")) return r;
            String body = st.source().substring(bodyStart, st.end());
            boolean mixed = MixedStatements.isMixed(body);
            return new Refuse("0A000", mixed ? "a statement cannot read system catalogs and tables together"
                    : "queries on system catalogs and server information are not supported yet",
                    mixed ? MixedStatements.HINT : null, 0, "catalog names: " + kind.catalogNames()
                    + (emulated instanceof Refuse r ? "; " + r.reason() : ""));
        }
        String source = st.source();
        // declared parameter types decide which comparisons may be copied inside a fence: the parameters they rule
        // out are part of the key (bounded by the statement's own text, not by what a Parse may declare)
        Set<Integer> uncopyable = CatalogResolver.uncopyable(st.tokens(), parameterTypes);
        RewriteCache.Key key = new RewriteCache.Key(source.substring(st.start(), st.end()) + '\u0000' + bodyStart
                + (uncopyable.isEmpty() ? "" : "\u0000" + uncopyable),
                session.dataSource().id(), session.catalog().version(), session.policies().fingerprint());
        GuardDecision cached = cache.get(key);
        if (cached != null) return rebase(cached, st);
        LiteralShape shape = bodyStart == st.start() ? LiteralShape.of(st, sentinels) : null;
        if (shape != null) {
            GuardDecision templated = templated(shape, key, session, uncopyable);
            if (templated != null) return templated;
        }
        GuardDecision decision = rewrite(st, bodyStart, session, uncopyable);
        cache.put(key, decision);
        return rebase(decision, st);
    }

    /**
     * The rewrite of the statement's literal shape with its own literals put back, or null when the shape has no
     * template (its sentinel text was refused, or a literal did not come through unchanged): then the text is
     * rewritten as it is, which also gives a refusal its exact positions.
     */
    private GuardDecision templated(LiteralShape shape, RewriteCache.Key exact, GuardSession session,
                                    Set<Integer> uncopyable) {
        RewriteCache.Key key = new RewriteCache.Key(shape.key() + (uncopyable.isEmpty() ? "" : "\u0000" + uncopyable),
                exact.dataSourceId(), exact.catalogVersion(), exact.policyFingerprint());
        Optional<ShapeTemplate> template = shapes.get(key);
        if (template == null) {
            template = Optional.ofNullable(template(shape, session, uncopyable));
            shapes.put(key, template);
        }
        return template.map(t -> new Forward(t.fill(shape.literals()), t.applied())).orElse(null);
    }

    private ShapeTemplate template(LiteralShape shape, GuardSession session, Set<Integer> uncopyable) {
        try {
            rewrites.increment();
            Rewrite rewrite = StatementRewriter.rewrite(shape.sentinelText(), resolver(session, uncopyable));
            return ShapeTemplate.of(rewrite.sql(), shape.literals().size(), sentinels, rewrite.applied());
        } catch (ParseFailure | RuntimeException e) {
            return null; // no template; the text's own rewrite reports what is wrong
        }
    }

    long rewrites() {
        return rewrites.sum();
    }

    private CatalogResolver resolver(GuardSession session, Set<Integer> uncopyable) {
        return new CatalogResolver(session.catalog(), session.policies(), searchPath, session.dataSource().name(),
                uncopyable);
    }

    private GuardDecision rewrite(Statement st, int bodyStart, GuardSession session, Set<Integer> uncopyable) {
        String body = st.source().substring(bodyStart, st.end());
        rewrites.increment();
        try {
            Rewrite rewrite = StatementRewriter.rewrite(body, resolver(session, uncopyable));
            String sql = st.source().substring(st.start(), bodyStart) + rewrite.sql();
            return new Forward(sql, rewrite.applied());
        } catch (ParseFailure e) {
            return refuse(e.sqlState(), e.getMessage(), null, e.offset(), bodyStart - st.start(), "parse: " + e.detail());
        } catch (ResolveException e) {
            return refuse(e.sqlState(), e.getMessage(), e.hint(), e.offset(), bodyStart - st.start(), e.reason());
        }
    }

    /**
     * A catalog query that also calls a refused function gets the function's refusal, so a refused function
     * answers the same on every path ({@code SELECT pg_read_file('x')} like {@code SELECT dblink('x')}).
     */
    private static Refuse refusedFunction(Statement st, int bodyStart) {
        SourceText body = new SourceText(st.source().substring(bodyStart, st.end()));
        try {
            FunctionPolicy.check(PgSqlParser.parse(body), body);
            return null;
        } catch (ParseFailure notParsed) {
            return null; // the catalog refusal stands
        } catch (ResolveException e) {
            return refuse(e.sqlState(), e.getMessage(), e.hint(), e.offset(), bodyStart - st.start(), e.reason());
        }
    }

    /** Positions are cached relative to the statement; the client's text may have more before it. */
    private static GuardDecision rebase(GuardDecision decision, Statement st) {
        if (decision instanceof Refuse r && r.position() > 0 && st.start() > 0) {
            return new Refuse(r.sqlState(), r.message(), r.hint(), r.position() + st.start(), r.reason());
        }
        return decision;
    }

    private static Refuse refuse(String state, String message, String hint, int offset, int shift, String reason) {
        return new Refuse(state, message, hint, offset < 0 ? 0 : offset + shift + 1, reason);
    }
}
