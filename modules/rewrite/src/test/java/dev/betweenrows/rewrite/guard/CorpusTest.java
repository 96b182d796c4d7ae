package dev.betweenrows.rewrite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.Forward;
import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.parse.PgSqlParser;
import dev.betweenrows.rewrite.parse.SourceText;
import dev.betweenrows.rewrite.scope.CatalogResolver;
import dev.betweenrows.rewrite.scope.StatementResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parse coverage over a corpus of application and BI queries (resource {@code app-bi-corpus.sql}): at least 99 %
 * must be rewritten, and every rewrite must parse again and contain exactly the base-table references of the
 * original (each now inside its derived table).
 */
class CorpusTest {

    static List<String> corpus() throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/app-bi-corpus.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip)
                    .filter(b -> !b.isEmpty() && !b.startsWith("--")).toList();
        }
    }

    @Test
    void coverageAndRewritesReparse() throws IOException, ParseFailure {
        List<String> queries = corpus();
        CalciteQueryGuard guard = Shop.guard();
        CatalogResolver catalog = new CatalogResolver(Shop.CATALOG, Shop.session().policies(), List.of("public"), "shop");
        List<String> failures = new ArrayList<>();
        int rewritten = 0;
        for (String sql : queries) {
            GuardDecision d = Shop.check(guard, sql);
            if (!(d instanceof Forward f)) {
                failures.add(d + "\n      " + sql.replace('\n', ' '));
                continue;
            }
            rewritten++;
            int before = references(sql, catalog);
            // Allowed functions come back pinned to pg_catalog; Babel cannot read that for a few keyword-like
            // names (pg_catalog.date(x)), so the prefix is dropped before counting references again.
            int after = references(f.rewrittenSql().replace("pg_catalog.", ""), catalog);
            assertEquals(before, after, () -> "references changed in " + f.rewrittenSql());
        }
        double coverage = 100.0 * rewritten / queries.size();
        System.out.printf("corpus: %d queries, %d rewritten (%.1f %%)%n", queries.size(), rewritten, coverage);
        failures.forEach(f -> System.out.println("  not rewritten: " + f));
        assertTrue(queries.size() >= 100, "corpus too small");
        assertTrue(coverage >= 99.0, "coverage " + coverage + " %");
    }

    private static int references(String sql, CatalogResolver catalog) throws ParseFailure {
        SourceText source = new SourceText(sql);
        return StatementResolver.resolve(PgSqlParser.parse(source), source, catalog).tables().size();
    }
}
