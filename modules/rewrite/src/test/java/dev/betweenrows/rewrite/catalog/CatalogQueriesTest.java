package dev.betweenrows.rewrite.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogQueriesTest {
    private final CatalogQueries queries = new CatalogQueries("15.18", List.of("public"));

    static AnswerLocally answered(GuardDecision d) {
        if (d instanceof GuardDecision.Refuse r) throw new AssertionError("refused: " + r.reason());
        return assertInstanceOf(AnswerLocally.class, d);
    }

    AnswerLocally run(String sql, GuardSession session) {
        return answered(queries.answer(sql, List.of(), session));
    }

    @Test
    void builtInCollationsAndKeywords() {
        AnswerLocally c = run("SELECT collname, collprovider FROM pg_catalog.pg_collation WHERE oid IN (100, 950)"
                + " ORDER BY oid", CatalogFixture.alice());
        assertEquals(List.of(List.of("default", "d"), List.of("C", "c")), c.rows());
        AnswerLocally k = run("SELECT word, catcode FROM pg_catalog.pg_get_keywords() WHERE word IN ('select', 'abort')"
                + " ORDER BY word", CatalogFixture.alice());
        assertEquals(List.of(List.of("abort", "U"), List.of("select", "R")), k.rows());
        AnswerLocally n = run("SELECT count(*) FROM pg_get_keywords() k WHERE k.catcode = 'R'", CatalogFixture.bob());
        assertEquals(List.of(List.of("77")), n.rows());
    }

    @Test
    void namespaces() {
        AnswerLocally a = run("SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"\n"
                + "FROM pg_catalog.pg_namespace n\nWHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n"
                + "ORDER BY 1;", CatalogFixture.alice());
        assertEquals(List.of(List.of("public", "alice")), a.rows());
        assertEquals("Name", a.columns().get(0).name());
    }
}
