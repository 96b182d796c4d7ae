package dev.betweenrows.store.derby;

import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.TableKey;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.betweenrows.store.derby.StoreFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogRepositoryTest {
    @TempDir
    Path dir;
    AdminStore store;
    String ds;

    @BeforeEach
    void open() {
        store = StoreFixture.open(dir);
        ds = StoreFixture.dataSource(store, "shop").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<CatalogSchemaEntry> catalog() {
        CatalogTableEntry orders = new CatalogTableEntry("orders", TableKind.TABLE, true, List.of(
                new CatalogColumnEntry("id", "integer", 1, false, true),
                new CatalogColumnEntry("ssn", "text", 2, true, false),
                new CatalogColumnEntry("total", "numeric(10,2)", 3, true, true)));
        CatalogTableEntry report = new CatalogTableEntry("report", TableKind.MATERIALIZED_VIEW, false, List.of(
                new CatalogColumnEntry("n", "bigint", 1, true, true)));
        CatalogTableEntry v = new CatalogTableEntry("v_orders", TableKind.VIEW, true, List.of(
                new CatalogColumnEntry("id", "integer", 1, true, true)));
        return List.of(new CatalogSchemaEntry("public", "shop", true, List.of(orders, report, v)),
                new CatalogSchemaEntry("secret", null, false, List.of()));
    }

    @Test
    void saveAndReadRoundTrip() {
        store.catalog().save(ds, catalog(), ADMIN);
        assertEquals(catalog(), store.catalog().read(ds));
        var entry = StoreFixture.audit(store).getFirst();
        assertEquals("save_catalog", entry.action());
        assertEquals(ds, entry.entityId());
        assertTrue(entry.afterJson().contains("\"selected_columns\":4"), entry.afterJson());
    }

    @Test
    void keysRoundTripInOrderAndReachTheSnapshot() {
        List<TableKey> keys = List.of(
                TableKey.unique(TableKey.Kind.PRIMARY_KEY, "orders_pkey", List.of("total", "id")),
                TableKey.unique(TableKey.Kind.UNIQUE, "orders_ssn_key", List.of("ssn")),
                TableKey.unique(TableKey.Kind.UNIQUE_INDEX, "orders \"odd\" ui", List.of("id", "ssn")),
                TableKey.foreign("orders_customer_fkey", List.of("id", "total"), new TableRef("crm", "customers"),
                        List.of("cid", "amount")));
        CatalogTableEntry orders = catalog().getFirst().tables().getFirst();
        CatalogTableEntry withKeys = new CatalogTableEntry(orders.name(), orders.kind(), true, orders.columns(), keys);
        List<CatalogSchemaEntry> saved = List.of(new CatalogSchemaEntry("public", "shop", true, List.of(withKeys)));
        store.catalog().save(ds, saved, ADMIN);
        List<TableKey> read = store.catalog().read(ds).getFirst().tables().getFirst().keys();
        assertEquals(java.util.Set.copyOf(keys), java.util.Set.copyOf(read));
        assertEquals(List.of("total", "id"), read.stream().filter(k -> k.kind() == TableKey.Kind.PRIMARY_KEY)
                .findFirst().orElseThrow().columns(), "key column order is kept");
        assertEquals(java.util.Set.copyOf(keys),
                java.util.Set.copyOf(store.catalog().snapshot(ds).find("shop", "orders").orElseThrow().keys()));
        store.catalog().save(ds, catalog(), ADMIN);
        assertEquals(List.of(), store.catalog().read(ds).getFirst().tables().getFirst().keys(), "a save replaces keys");
    }

    @Test
    void snapshotHoldsOnlySelectedThingsUnderTheirExposedNames() {
        store.catalog().save(ds, catalog(), ADMIN);
        CatalogSnapshot snap = store.catalog().snapshot(ds);
        assertEquals(store.policySetVersion(), snap.version());
        assertEquals(List.of("orders", "v_orders"), snap.tables().stream().map(t -> t.table().table()).toList());
        var orders = snap.find("shop", "orders").orElseThrow();
        assertEquals("public", orders.table().schema());
        assertEquals(List.of(new ColumnInfo("id", "integer"), new ColumnInfo("total", "numeric(10,2)")), orders.columns());
        assertTrue(snap.find("public", "orders").isEmpty(), "only the alias is exposed");
    }

    @Test
    void aSaveReplacesTheWholeCatalog() {
        store.catalog().save(ds, catalog(), ADMIN);
        List<CatalogSchemaEntry> smaller = List.of(new CatalogSchemaEntry("public", null, true, List.of()));
        store.catalog().save(ds, smaller, ADMIN);
        assertEquals(smaller, store.catalog().read(ds));
    }

    @Test
    void aFailingSaveLeavesThePreviousCatalogAndNoAuditRow() {
        store.catalog().save(ds, catalog(), ADMIN);
        int auditRows = StoreFixture.audit(store).size();
        long version = store.policySetVersion();
        CatalogTableEntry t = new CatalogTableEntry("dup", TableKind.TABLE, true, List.of());
        List<CatalogSchemaEntry> bad = List.of(new CatalogSchemaEntry("public", null, true, List.of(t, t)));
        assertThrows(StoreConflictException.class, () -> store.catalog().save(ds, bad, ADMIN));
        assertEquals(catalog(), store.catalog().read(ds));
        assertEquals(auditRows, StoreFixture.audit(store).size());
        assertEquals(version, store.policySetVersion());
    }

    @Test
    void unknownDataSourceIsNotFoundAndDeleteCascades() {
        assertThrows(StoreNotFoundException.class, () -> store.catalog().save("nope", catalog(), ADMIN));
        store.catalog().save(ds, catalog(), ADMIN);
        store.dataSources().delete(ds, ADMIN);
        assertTrue(store.catalog().read(ds).isEmpty());
    }
}
