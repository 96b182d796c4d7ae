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
    void namespaces() {
        AnswerLocally a = run("SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"\n"
                + "FROM pg_catalog.pg_namespace n\nWHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n"
                + "ORDER BY 1;", CatalogFixture.alice());
        assertEquals(List.of(List.of("public", "alice")), a.rows());
        assertEquals("Name", a.columns().get(0).name());
    }
}
