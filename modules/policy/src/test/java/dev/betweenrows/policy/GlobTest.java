package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GlobTest {
    @Test void starMatchesEverything() {
        assertTrue(Glob.of("*").matches("anything"));
        assertTrue(Glob.of("*").matches(""));
    }

    @Test void prefixSuffixAndExact() {
        assertTrue(Glob.of("raw_*").matches("raw_events"));
        assertTrue(Glob.of("raw_*").matches("raw_"));
        assertFalse(Glob.of("raw_*").matches("xraw_events"));
        assertTrue(Glob.of("*_pii").matches("users_pii"));
        assertFalse(Glob.of("*_pii").matches("users_pii2"));
        assertTrue(Glob.of("orders").matches("orders"));
        assertFalse(Glob.of("orders").matches("orders2"));
    }

    @Test void caseSensitive() {
        assertFalse(Glob.of("Orders").matches("orders"));
        assertFalse(Glob.of("raw_*").matches("RAW_events"));
    }

    @Test void middleStarAndQuestionMarkAreLiteral() {
        assertFalse(Glob.of("a*b").matches("axxb"));
        assertTrue(Glob.of("a*b").matches("a*b"));
        assertFalse(Glob.of("a?c").matches("abc"));
        assertFalse(Glob.of("a.c").matches("abc"), "no regex");
    }

    @Test void starAtBothEndsIsAPrefixWithALiteralStar() {
        assertTrue(Glob.of("*x*").matches("*xyz"));
        assertFalse(Glob.of("*x*").matches("axb"));
    }

    @Test void blankPatternRejected() {
        assertThrows(IllegalArgumentException.class, () -> Glob.of(" "));
    }

    @Test void targetEntriesNeedSchemaAndTableAndMatchUpstreamNames() {
        Target t = Target.of(List.of("public", "raw_*"), List.of("orders"), List.of("ssn", "*_secret"));
        assertTrue(t.matchesTable(new TableRef("raw_2024", "orders")));
        assertFalse(t.matchesTable(new TableRef("sales", "orders")));
        assertTrue(t.matchesColumn(new TableRef("public", "orders"), "api_secret"));
        assertFalse(t.matchesColumn(new TableRef("public", "orders"), "email"));
        assertFalse(t.matchesColumn(new TableRef("public", "customers"), "ssn"));
        assertThrows(IllegalArgumentException.class, () -> Target.of(List.of(), List.of("t"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Target.of(List.of("s"), List.of(), List.of()));
    }

    @Test void wholeSchemaOnlyWithStarTables() {
        assertTrue(Target.of(List.of("analytics"), List.of("*"), List.of()).coversWholeSchema("analytics"));
        assertFalse(Target.of(List.of("analytics"), List.of("a*"), List.of()).coversWholeSchema("analytics"));
        assertFalse(Target.of(List.of("analytics"), List.of("*"), List.of()).coversWholeSchema("public"));
    }
}
