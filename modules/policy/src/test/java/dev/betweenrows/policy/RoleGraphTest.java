package dev.betweenrows.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RoleGraphTest {
    private static Role active(String id) { return new Role(id, "role_" + id, true); }
    private static Role inactive(String id) { return new Role(id, "role_" + id, false); }
    private static RoleEdge edge(String child, String parent) { return new RoleEdge(child, parent); }

    /** u1 ∈ analyst → team → org ; analyst → eu → org (diamond). */
    private static RoleGraph diamond(boolean teamActive) {
        return new RoleGraph(
                List.of(active("analyst"), teamActive ? active("team") : inactive("team"), active("eu"), active("org")),
                List.of(edge("analyst", "team"), edge("analyst", "eu"), edge("team", "org"), edge("eu", "org")),
                List.of(new Membership("u1", "analyst")));
    }

    @Test void inheritsAllActiveAncestorsOnce() {
        assertEquals(Set.of("analyst", "team", "eu", "org"), diamond(true).activeRolesOf("u1"));
    }

    @Test void userWithoutRolesHasNone() {
        assertEquals(Set.of(), diamond(true).activeRolesOf("nobody"));
    }

    @Test void inactiveMiddleRoleCutsItsBranchOnly() {
        // org is still reached through eu
        assertEquals(Set.of("analyst", "eu", "org"), diamond(false).activeRolesOf("u1"));
        RoleGraph chain = new RoleGraph(List.of(active("a"), inactive("b"), active("c")),
                List.of(edge("a", "b"), edge("b", "c")), List.of(new Membership("u", "a")));
        assertEquals(Set.of("a"), chain.activeRolesOf("u"), "c is reachable only through inactive b");
    }

    @Test void inactiveDirectRoleGrantsNothing() {
        RoleGraph g = new RoleGraph(List.of(inactive("a"), active("b")), List.of(edge("a", "b")),
                List.of(new Membership("u", "a")));
        assertEquals(Set.of(), g.activeRolesOf("u"));
    }

    @Test void unknownRoleIdsGrantNothing() {
        RoleGraph g = new RoleGraph(List.of(active("a")), List.of(edge("a", "ghost")),
                List.of(new Membership("u", "a"), new Membership("u", "deleted")));
        assertEquals(Set.of("a"), g.activeRolesOf("u"));
    }

    @Test void closureStopsAtMaxDepthAndSurvivesCorruptCycles() {
        List<Role> roles = new ArrayList<>();
        List<RoleEdge> edges = new ArrayList<>();
        for (int i = 1; i <= 12; i++) roles.add(active("r" + i));
        for (int i = 1; i < 12; i++) edges.add(edge("r" + i, "r" + (i + 1)));
        RoleGraph chain = new RoleGraph(roles, edges, List.of(new Membership("u", "r1")));
        Set<String> got = chain.activeRolesOf("u");
        assertEquals(RoleGraph.MAX_DEPTH, got.size());
        assertTrue(got.contains("r10"));
        assertFalse(got.contains("r11"));

        RoleGraph cyclic = new RoleGraph(List.of(active("a"), active("b")), List.of(edge("a", "b"), edge("b", "a")),
                List.of(new Membership("u", "a")));
        assertEquals(Set.of("a", "b"), cyclic.activeRolesOf("u"));
    }

    @Test void detectsCyclesWithTheirPath() {
        RoleGraph g = new RoleGraph(List.of(active("a"), active("b"), active("c")),
                List.of(edge("a", "b"), edge("b", "c")), List.of());
        assertTrue(g.wouldCreateCycle("c", "a"));
        assertEquals(List.of("c", "a", "b", "c"), g.cyclePath("c", "a").orElseThrow());
        assertTrue(g.wouldCreateCycle("a", "a"), "self edge");
        assertFalse(g.wouldCreateCycle("a", "c"), "a shortcut edge is no cycle");
        assertFalse(diamond(true).wouldCreateCycle("analyst", "org"));
        assertTrue(diamond(true).wouldCreateCycle("org", "analyst"));
    }

    @Test void depthCountsRolesOnTheLongestChainThroughTheNewEdge() {
        // x → y → z above; p → q below (p is q's child)
        RoleGraph g = new RoleGraph(List.of(), List.of(edge("x", "y"), edge("y", "z"), edge("p", "q")), List.of());
        assertEquals(5, g.depthAfterAdding("q", "x"), "p q x y z");
        assertEquals(2, g.depthAfterAdding("m", "n"));
        List<RoleEdge> chainOfNine = new ArrayList<>();
        for (int i = 1; i < 9; i++) chainOfNine.add(edge("r" + i, "r" + (i + 1)));
        RoleGraph nine = new RoleGraph(List.of(), chainOfNine, List.of());
        assertEquals(RoleGraph.MAX_DEPTH, nine.depthAfterAdding("r9", "r10"), "a 10th role is allowed");
        assertEquals(RoleGraph.MAX_DEPTH, nine.depthAfterAdding("r0", "r1"), "below works the same");
        chainOfNine.add(edge("r9", "r10"));
        RoleGraph ten = new RoleGraph(List.of(), chainOfNine, List.of());
        assertEquals(RoleGraph.MAX_DEPTH + 1, ten.depthAfterAdding("r0", "r1"), "an 11th role must be refused");
    }

    @Test void effectiveMembersIncludeDescendantRoles() {
        RoleGraph g = new RoleGraph(List.of(active("org"), active("team"), active("analyst")),
                List.of(edge("team", "org"), edge("analyst", "team")),
                List.of(new Membership("u1", "analyst"), new Membership("u2", "team"), new Membership("u3", "org"),
                        new Membership("u4", "other")));
        assertEquals(Set.of("u1", "u2", "u3"), g.effectiveMembers("org"));
        assertEquals(Set.of("u1"), g.effectiveMembers("analyst"));
    }
}
