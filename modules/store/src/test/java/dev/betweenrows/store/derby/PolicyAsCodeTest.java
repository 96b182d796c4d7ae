package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.ImportOutcome;
import dev.betweenrows.store.ImportProblem;
import dev.betweenrows.store.PolicyAsCode;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.PolicyImportException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyAsCodeTest {
    @TempDir
    Path dir;

    private AdminStore open(String name) {
        return StoreProvider.load().open(new StoreOptions(dir.resolve(name).resolve("store"), StoreFixture.randomKey()));
    }

    /** A store with something of every kind. */
    static void populate(AdminStore s) {
        var alice = StoreFixture.user(s, "alice");
        var bob = StoreFixture.user(s, "bob");
        s.attributes().create(new AttributeDefinition("region", AttributeType.STRING, new AttributeValue.Text("eu"),
                List.of("eu", "us")), "Region", "where the user works", StoreFixture.ADMIN);
        s.attributes().create(new AttributeDefinition("tenants", AttributeType.LIST, null, List.of()), null, null,
                StoreFixture.ADMIN);
        var staff = s.roles().create("staff", "everyone", StoreFixture.ADMIN);
        var analysts = s.roles().create("analysts", null, StoreFixture.ADMIN);
        var retired = s.roles().create("retired", null, StoreFixture.ADMIN);
        s.roles().addParent(analysts.id(), staff.id(), StoreFixture.ADMIN);
        s.roles().addMember(analysts.id(), alice.id(), StoreFixture.ADMIN);
        s.roles().addMember(staff.id(), bob.id(), StoreFixture.ADMIN);
        var shop = StoreFixture.dataSource(s, "shop");
        s.dataSources().grant(new AccessGrant(shop.id(), Scope.ALL, null), StoreFixture.ADMIN);
        s.dataSources().grant(new AccessGrant(shop.id(), Scope.ROLE, retired.id()), StoreFixture.ADMIN);
        s.dataSources().grant(new AccessGrant(shop.id(), Scope.USER, bob.id()), StoreFixture.ADMIN);
        s.roles().setActive(retired.id(), false, StoreFixture.ADMIN);
        s.catalog().save(shop.id(), List.of(new CatalogSchemaEntry("public", "sales", true, List.of(
                new CatalogTableEntry("orders", TableKind.TABLE, true, List.of(
                        new CatalogColumnEntry("id", "int4", 1, false, true),
                        new CatalogColumnEntry("region", "text", 2, true, true),
                        new CatalogColumnEntry("card", "text", 3, true, false)))))), StoreFixture.ADMIN);
        var filter = s.policies().create(StoreFixture.filter("region rows", "region = {user.region}"), StoreFixture.ADMIN);
        var mask = s.policies().create(new PolicyDraft("mask: card", PolicyType.COLUMN_MASK, null,
                List.of(Target.of(List.of("public"), List.of("orders", "refunds"), List.of("card"))), "'****'", false),
                StoreFixture.ADMIN);
        s.assignments().create(new Assignment(filter.id(), shop.id(), Scope.ROLE, analysts.id(), 10), StoreFixture.ADMIN);
        s.assignments().create(new Assignment(filter.id(), shop.id(), Scope.ALL, null, 100), StoreFixture.ADMIN);
        s.assignments().create(new Assignment(mask.id(), shop.id(), Scope.USER, bob.id(), 5), StoreFixture.ADMIN);
    }

    @Test
    void exportImportIntoAnEmptyStoreExportsByteIdenticalYaml() {
        String exported;
        try (AdminStore a = open("a")) {
            populate(a);
            exported = PolicyAsCode.export(a);
            assertEquals(exported, PolicyAsCode.export(a), "stable");
        }
        assertTrue(exported.contains("name: region rows") && exported.contains("role: analysts"), exported);
        assertFalse(exported.contains("upstream-Pa55"), "no secret in the export");
        assertFalse(exported.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids in the export");
        try (AdminStore b = open("b")) {
            StoreFixture.user(b, "alice");
            StoreFixture.user(b, "bob");
            ImportOutcome dry = PolicyAsCode.importYaml(b, exported, true, false, StoreFixture.ADMIN, null);
            assertFalse(dry.applied());
            assertEquals(8, dry.plan().size(), dry.plan().toString());
            assertNotEquals(exported, PolicyAsCode.export(b), "a dry run changes nothing");
            ImportOutcome done = PolicyAsCode.importYaml(b, exported, false, false, StoreFixture.ADMIN, null);
            assertTrue(done.applied());
            assertEquals(exported, PolicyAsCode.export(b));
            assertEquals(List.of(), PolicyAsCode.importYaml(b, exported, false, false, StoreFixture.ADMIN, null).plan());
            assertTrue(StoreFixture.auditText(b).contains("import_policies"), "the import is audited");
            assertFalse(b.dataSources().findByName("shop").orElseThrow().hasPassword());
        }
    }

    @Test
    void updatesAndPruneArePlannedPerObject() {
        try (AdminStore s = open("a")) {
            populate(s);
            String yaml = PolicyAsCode.export(s).replace("priority: 10", "priority: 20")
                    .replaceAll("(?s)- name: 'mask: card'.*?priority: 5\n", "");
            assertTrue(!yaml.contains("mask: card"), yaml);
            ImportOutcome keep = PolicyAsCode.importYaml(s, yaml, false, false, StoreFixture.ADMIN, null);
            assertEquals("[update policy region rows]", keep.plan().toString());
            assertTrue(s.policies().findByName("mask: card").isPresent(), "no delete without prune");
            ImportOutcome pruned = PolicyAsCode.importYaml(s, yaml, false, true, StoreFixture.ADMIN, null);
            assertEquals("[delete policy mask: card]", pruned.plan().toString());
            assertTrue(s.policies().findByName("mask: card").isEmpty());
        }
    }

    @Test
    void aFailureWhileApplyingChangesNothing() {
        try (AdminStore s = open("a")) {
            populate(s);
            String before = PolicyAsCode.export(s);
            // staff → analysts closes a cycle (analysts → staff exists): refused by the store mid-plan
            String yaml = before.replace("- name: staff\n  description: everyone\n  active: true\n",
                    "- name: staff\n  description: changed\n  active: true\n  parents:\n  - analysts\n");
            assertNotEquals(before, yaml);
            PolicyImportException e = assertThrows(PolicyImportException.class,
                    () -> PolicyAsCode.importYaml(s, yaml, false, false, StoreFixture.ADMIN, null));
            assertTrue(e.problems().getFirst().message().contains("cycle"), e.problems().toString());
            assertEquals(before, PolicyAsCode.export(s), "one transaction: the description change was rolled back too");
        }
    }

    @Test
    void everyProblemIsListedWithItsPlace() {
        try (AdminStore s = open("a")) {
            String yaml = """
                    betweenrows_policies: 1
                    roles:
                    - name: analysts
                      parents: [ghosts]
                      members: [nobody]
                    policies:
                    - name: p1
                      type: row_filter
                      targets:
                      - schemas: [public]
                        tables: [orders]
                      expression: "region = {user.nowhere}"
                      assignments:
                      - data_source: missing
                        scope: all
                    - name: p2
                      type: row_filter
                      targets:
                      - schemas: [public]
                        tables: [orders]
                    """;
            List<ImportProblem> problems = assertThrows(PolicyImportException.class,
                    () -> PolicyAsCode.importYaml(s, yaml, true, false, StoreFixture.ADMIN, null)).problems();
            String all = problems.toString();
            assertTrue(all.contains("line 4, column 12: unknown role 'ghosts'"), all);
            assertTrue(all.contains("line 5, column 12: unknown user 'nobody'"), all);
            assertTrue(all.contains("unknown attribute 'nowhere'"), all);
            assertTrue(all.contains("unknown data source 'missing'"), all);
            assertTrue(all.contains("line 16, column 3") && all.contains("expression"), all);
            assertEquals(5, problems.size(), all);
        }
    }

    @Test
    void badYamlGivesLineAndColumn() {
        try (AdminStore s = open("a")) {
            String yaml = "betweenrows_policies: 1\nroles:\n  - name: [unclosed\n";
            ImportProblem p = assertThrows(PolicyImportException.class,
                    () -> PolicyAsCode.importYaml(s, yaml, true, false, StoreFixture.ADMIN, null)).problems().getFirst();
            assertTrue(p.line() >= 3 && p.column() > 0, p.toString());
            String dup = "betweenrows_policies: 1\nroles: []\nroles: []\n";
            ImportProblem d = assertThrows(PolicyImportException.class,
                    () -> PolicyAsCode.importYaml(s, dup, true, false, StoreFixture.ADMIN, null)).problems().getFirst();
            assertTrue(d.toString().contains("line 3") && d.message().contains("duplicate key"), d.toString());
        }
    }

    @Test
    void anAliasBombIsRefusedNotExpanded() {
        StringBuilder b = new StringBuilder("betweenrows_policies: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            b.append("]\n");
        }
        try (AdminStore s = open("a")) {
            ImportProblem p = assertThrows(PolicyImportException.class,
                    () -> PolicyAsCode.importYaml(s, b.toString(), true, false, StoreFixture.ADMIN, null)).problems().getFirst();
            assertTrue(p.message().contains("aliases") || p.message().contains("nodes"), p.toString());
        }
    }
}
