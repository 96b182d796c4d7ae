package dev.betweenrows.rewrite.catalog;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.LocalColumn;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.policy.GuardSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers catalog queries in-process from the session's emulated, policy-filtered catalog: known always-empty
 * client queries by fingerprint, known client statements Calcite cannot run as written by an equivalent answer
 * query ({@link ClientAnswers}), the rest with Calcite over in-memory relations. Default-deny: whatever the
 * emulation cannot answer is refused with {@code 0A000} (or PostgreSQL's error for a missing relation); it is
 * never sent upstream.
 */
public final class CatalogQueries {
    private static final int CACHE = 64;

    private final String serverVersion;
    private final List<String> searchPath;
    private final CatalogEngine engine = new CatalogEngine(CatalogEngine.DEFAULT_CAPACITY);
    private final Map<ViewKey, SessionView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<ViewKey, SessionView> e) { return size() > CACHE; }
    };

    private record ViewKey(String dataSourceId, long catalogVersion, String policies, String userId, String user) {}

    /** The session's relations and facts; {@code answers} adds the helper relations only {@link ClientAnswers} read. */
    private record SessionView(CatalogTables tables, SessionFacts facts, CatalogTables answers) {}

    public CatalogQueries(String serverVersion, List<String> searchPath) {
        this.serverVersion = serverVersion;
        this.searchPath = searchPath.isEmpty() ? List.of("public") : List.copyOf(searchPath);
    }

    /**
     * Answers {@code sql} (one catalog-only query) for {@code session}.
     *
     * @param parameters bound parameter values in text form ({@code $1} is element 0); empty when none
     */
    public GuardDecision answer(String sql, List<String> parameters, GuardSession session) {
        if (parameters.stream().anyMatch(p -> p != null && p.indexOf('\0') >= 0)) {
            // PostgreSQL rejects this text value before planning; the answer query would not lex either
            return refuse("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", "catalog: NUL in a parameter");
        }
        Optional<Fingerprints.Shape> empty = Fingerprints.match(sql);
        if (empty.isPresent()) {
            List<LocalColumn> cols = empty.get().columns().stream()
                    .map(c -> new LocalColumn(c.name(), c.typeOid())).toList();
            return new AnswerLocally(cols, List.of(), "SELECT 0");
        }
        SessionView view = view(session);
        Optional<ClientAnswers.Answer> known = ClientAnswers.match(sql);
        if (known.isPresent()) return answerKnown(known.get(), sql, parameters, view);
        String normalised;
        try {
            normalised = SqlNormaliser.normalise(sql, parameters, view.facts());
        } catch (SqlNormaliser.NotNormalisable e) {
            return refuse(e.sqlState, e.sqlState.equals("0A000") ? null : e.getMessage(), "catalog: " + e.getMessage());
        }
        try {
            CatalogEngine.Result r = engine.run(normalised,
                    SessionActivity.with(view.tables(), session, view.facts(), sql), view.facts());
            List<LocalColumn> cols = new ArrayList<>();
            for (int i = 0; i < r.names().size(); i++) cols.add(new LocalColumn(r.names().get(i), r.typeOids().get(i)));
            return new AnswerLocally(cols, r.rows(), "SELECT " + r.rows().size());
        } catch (CatalogEngine.Unanswerable e) {
            return refuse("0A000", null, "catalog emulation: " + e.getMessage());
        }
    }

    private GuardDecision answerKnown(ClientAnswers.Answer answer, String sql, List<String> parameters,
                                             SessionView view) {
        try {
            CatalogEngine.Result r = engine.run(ClientAnswers.bind(answer, sql, parameters), view.answers(),
                    view.facts());
            List<LocalColumn> cols = new ArrayList<>();
            for (int i = 0; i < r.names().size(); i++) {
                cols.add(answer.columns().isEmpty() ? new LocalColumn(r.names().get(i), r.typeOids().get(i))
                        : new LocalColumn(answer.columns().get(i).name(), answer.columns().get(i).typeOid()));
            }
            return new AnswerLocally(cols, r.rows(), "SELECT " + r.rows().size());
        } catch (ClientAnswers.Unbound e) {
            return refuse("0A000", null, "catalog: " + e.getMessage());
        } catch (CatalogEngine.Unanswerable e) {
            return refuse("0A000", null, "catalog emulation (known client statement): " + e.getMessage());
        }
    }

    private static Refuse refuse(String state, String message, String reason) {
        return new Refuse(state, message != null ? message
                : "this query on system catalogs is not supported by the proxy", null, 0, reason);
    }

    private SessionView view(GuardSession session) {
        ViewKey key = new ViewKey(session.dataSource().id(), session.catalog().version(),
                session.policies().fingerprint(), session.user().userId(), session.user().username());
        synchronized (views) {
            SessionView cached = views.get(key);
            if (cached != null) return cached;
        }
        VisibleCatalog catalog = VisibleCatalog.of(session);
        int userOid = VisibleCatalog.hash("u:" + session.user().userId());
        Map<String, Integer> oids = new HashMap<>();
        Set<Integer> visible = new java.util.HashSet<>();
        for (VisibleCatalog.VisibleTable t : catalog.tables()) {
            oids.put(t.schema() + "." + t.name(), t.oid());
            if (searchPath.contains(t.schema()) && firstOnPath(catalog, t)) {
                oids.putIfAbsent(t.name(), t.oid());
                visible.add(t.oid());
            }
        }
        CatalogOids.builtins().forEach(oids::putIfAbsent);
        VisibleKeys keys = VisibleKeys.of(session.catalog().tables(), catalog);
        SessionFacts facts = new SessionFacts(session.user().username(), userOid, session.dataSource().name(),
                "PostgreSQL " + serverVersion + " (BetweenRows)", searchPath, oids, visible,
                new KeyDefinitions(keys, visible));
        List<Relation> relations = new ArrayList<>(CatalogRelations.of(catalog, facts));
        relations.add(SessionActivity.empty());
        List<Relation> withHelpers = new ArrayList<>(relations);
        withHelpers.addAll(KeyRelations.helpers(keys));
        SessionView view = new SessionView(CatalogTables.of(relations), facts, CatalogTables.of(withHelpers));
        synchronized (views) {
            views.put(key, view);
        }
        return view;
    }

    /** A table is visible unqualified only if no schema earlier on the path has one of the same name. */
    private boolean firstOnPath(VisibleCatalog catalog, VisibleCatalog.VisibleTable t) {
        for (String schema : searchPath) {
            if (schema.equals(t.schema())) return true;
            if (catalog.tables().stream().anyMatch(o -> o.schema().equals(schema) && o.name().equals(t.name()))) {
                return false;
            }
        }
        return false;
    }
}
