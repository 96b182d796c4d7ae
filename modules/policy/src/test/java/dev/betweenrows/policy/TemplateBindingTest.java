package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TemplateBindingTest {
    private static final Map<String, AttributeDefinition> DEFS = Map.of(
            "tenant", new AttributeDefinition("tenant", AttributeType.STRING, null, List.of()),
            "region", new AttributeDefinition("region", AttributeType.STRING, new AttributeValue.Text("eu"), List.of()),
            "clearance", new AttributeDefinition("clearance", AttributeType.INTEGER, null, List.of()),
            "is_vip", new AttributeDefinition("is_vip", AttributeType.BOOLEAN, null, List.of()),
            "depts", new AttributeDefinition("depts", AttributeType.LIST, null, List.of()));

    private static UserContext user(Object... kv) {
        Map<String, AttributeValue> attrs = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) attrs.put((String) kv[i], (AttributeValue) kv[i + 1]);
        return new UserContext("5f0c-uuid", "alice", attrs);
    }

    private static String bind(String expr, UserContext u) { return ExpressionTemplate.of(expr).bind(u, DEFS).sql(); }

    private static AttributeValue text(String s) { return new AttributeValue.Text(s); }

    private static AttributeValue list(String... s) { return new AttributeValue.Strings(List.of(s)); }

    @Test void builtInsAndTypedScalars() {
        UserContext u = user("tenant", text("acme"), "clearance", new AttributeValue.Int(3),
                "is_vip", new AttributeValue.Bool(true));
        assertEquals("org = 'acme'", bind("org = {user.tenant}", u));
        assertEquals("owner = 'alice' OR owner_id = '5f0c-uuid'", bind("owner = {user.username} OR owner_id = {user.id}", u));
        assertEquals("level <= 3", bind("level <= {user.clearance}", u));
        assertEquals("CASE WHEN TRUE THEN true ELSE org = 'acme' END",
                bind("CASE WHEN {user.is_vip} THEN true ELSE org = {user.tenant} END", u));
    }

    @Test void injectionAttemptsStayOneQuotedLiteral() {
        assertEquals("org = 'x'' OR ''1''=''1'", bind("org = {user.tenant}", user("tenant", text("x' OR '1'='1"))));
        assertEquals("org = '''; DROP TABLE x; --'", bind("org = {user.tenant}", user("tenant", text("'; DROP TABLE x; --"))));
        assertEquals("org = 'acme''; DROP TABLE orders; --'",
                bind("org = {user.tenant}", user("tenant", text("acme'; DROP TABLE orders; --"))));
    }

    @Test void backslashesUseAnEscapeStringThatReadsTheSameUnderEverySetting() {
        assertEquals("org = E'a\\\\'' OR 1=1 --'", bind("org = {user.tenant}", user("tenant", text("a\\' OR 1=1 --"))));
        assertEquals("org = E'\\\\x'", bind("org = {user.tenant}", user("tenant", text("\\x"))));
    }

    @Test void literalsNeverFuseWithNeighbouringTokens() {
        UserContext u = user("tenant", text("a"), "clearance", new AttributeValue.Int(-5));
        assertEquals("1 - (-5)", bind("1 -{user.clearance}", u), "no -- comment");
        assertEquals("1- (-5)", bind("1-{user.clearance}", u));
        assertEquals("e 'a'", bind("e{user.tenant}", u), "cannot become an E'' string");
        assertEquals("'a' 'a'", bind("{user.tenant}{user.tenant}", u), "cannot become one string");
        assertEquals("x = 'a' ::text", bind("x = {user.tenant}::text", u));
        assertEquals("f('a',(-5))", bind("f({user.tenant},{user.clearance})", u), "no space needed next to ( , )");
    }

    @Test void placeholdersInsideStringsIdentifiersAndCommentsAreNotSubstituted() {
        UserContext u = user("tenant", text("acme"));
        assertEquals("x = '{user.tenant}' AND y = 'acme'", bind("x = '{user.tenant}' AND y = {user.tenant}", u));
        assertEquals("\"{user.tenant}\" = 'acme'", bind("\"{user.tenant}\" = {user.tenant}", u));
        assertEquals("x = 'it''s {user.tenant}'", bind("x = 'it''s {user.tenant}'", u));
        assertEquals("x = E'\\' {user.tenant}'", bind("x = E'\\' {user.tenant}'", u), "\\' does not end an E string");
        assertEquals("x = $$ {user.tenant} $$", bind("x = $$ {user.tenant} $$", u));
        assertEquals("x = $q$ '{user.tenant} $q$", bind("x = $q$ '{user.tenant} $q$", u));
        assertEquals("x = 'acme' -- {user.tenant}\nAND true", bind("x = {user.tenant} -- {user.tenant}\nAND true", u));
        assertEquals("/* {user.tenant} /* nested */ */ 'acme'", bind("/* {user.tenant} /* nested */ */ {user.tenant}", u));
        assertEquals("a$b = 'acme'", bind("a$b = {user.tenant}", u), "$ inside an identifier is no dollar quote");
        assertEquals("x = $1 AND 'acme'", bind("x = $1 AND {user.tenant}", u), "$1 is no dollar quote");
    }

    @Test void malformedTemplatesFailClosed() {
        UserContext u = user("tenant", text("acme"));
        for (String bad : List.of("x = {user.}", "x = { user.tenant }", "x = {tenant}", "x = {user.tenant",
                "x = }", "x = 'unterminated {user.tenant}", "x = \"open", "/* open", "x = $$ open",
                "x = {user.1abc}", "x = {user.ten-ant}", "x = {user." + "a".repeat(65) + "}")) {
            assertThrows(BindingException.class, () -> bind(bad, u), bad);
        }
    }

    @Test void missingAttributeUsesDefaultElseNull() {
        UserContext none = user();
        assertEquals("region = 'eu'", bind("region = {user.region}", none));
        assertEquals("org = NULL", bind("org = {user.tenant}", none));
        assertEquals("level <= NULL", bind("level <= {user.clearance}", none));
        assertEquals("x IN (NULL)", bind("x IN ({user.depts})", none));
    }

    @Test void unknownAttributeOrWrongTypeFails() {
        BindingException e = assertThrows(BindingException.class, () -> bind("x = {user.nope}", user()));
        assertTrue(e.getMessage().contains("nope"));
        assertThrows(BindingException.class, () -> bind("x = {user.clearance}", user("clearance", text("3"))));
        // a user value without a definition does not help: the definition decides
        assertThrows(BindingException.class, () -> bind("x = {user.nope}", user("nope", text("v"))));
    }

    @Test void listsTakeTheFormTheirPlaceNeeds() {
        UserContext u = user("depts", list("hr", "o'brien"));
        assertEquals("dept IN ('hr', 'o''brien')", bind("dept IN ({user.depts})", u));
        assertEquals("dept NOT IN ( 'hr', 'o''brien' )", bind("dept NOT IN ( {user.depts} )", u));
        assertEquals("dept in ('hr', 'o''brien')", bind("dept in {user.depts}", u));
        assertEquals("dept = ANY(ARRAY['hr', 'o''brien']::text[])", bind("dept = ANY({user.depts})", u));
        assertEquals("tags && ARRAY['hr', 'o''brien']::text[]", bind("tags && {user.depts}", u));
        assertEquals("join_in (ARRAY['hr', 'o''brien']::text[])", bind("join_in ({user.depts})", u),
                "a word ending in 'in' is not IN");
    }

    @Test void emptyListsMatchNothing() {
        UserContext u = user("depts", list());
        assertEquals("dept IN (NULL)", bind("dept IN ({user.depts})", u));
        assertEquals("dept IN (NULL)", bind("dept IN {user.depts}", u));
        assertEquals("dept = ANY(ARRAY[]::text[])", bind("dept = ANY({user.depts})", u));
        assertEquals("dept = ANY(NULL::text[])", bind("dept = ANY({user.depts})", user()));
    }

    @Test void referencedKeysAndAttributes() {
        ExpressionTemplate t = ExpressionTemplate.of("a = {user.tenant} AND b = {user.username} AND '{user.x}' = c");
        assertEquals(Set.of("tenant", "username"), t.placeholderKeys());
        assertEquals(Set.of("tenant"), t.referencedAttributes());
    }

    @Test void fingerprintCoversTheValues() {
        ExpressionTemplate t = ExpressionTemplate.of("org = {user.tenant} OR dept IN ({user.depts})");
        BoundExpression a = t.bind(user("tenant", text("acme"), "depts", list("x")), DEFS);
        BoundExpression same = t.bind(new UserContext("other", "bob",
                Map.of("tenant", text("acme"), "depts", list("x"))), DEFS);
        BoundExpression other = t.bind(user("tenant", text("acme"), "depts", list("x", "y")), DEFS);
        BoundExpression empty = t.bind(user("tenant", text("acme"), "depts", list()), DEFS);
        BoundExpression missing = t.bind(user("tenant", text("acme")), DEFS);
        assertEquals(a.fingerprint(), same.fingerprint());
        assertNotEquals(a.fingerprint(), other.fingerprint());
        assertNotEquals(empty.fingerprint(), missing.fingerprint(), "empty list and no value differ");
        assertEquals(Map.of("tenant", "'acme'", "depts", "'x'"), a.literals());
    }
}
