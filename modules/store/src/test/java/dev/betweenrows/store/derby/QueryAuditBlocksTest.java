package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.PageRequest;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord;
import dev.betweenrows.store.QueryAuditRecord.AppliedPolicyRef;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.store.QueryAuditRecord.Kind;
import dev.betweenrows.store.QueryAuditRepository;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block-stored query audit against a plain in-memory model of the same records: every listing, count,
 * export, lookup and purge must give exactly what filtering and sorting the records themselves gives,
 * although the records of one block overlap the next in time.
 */
class QueryAuditBlocksTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Comparator<QueryAuditRecord> NEWEST = Comparator.comparing(QueryAuditRecord::occurredAt).reversed()
            .thenComparing(QueryAuditRecord::id);
    private static final Comparator<QueryAuditRecord> OLDEST = Comparator.comparing(QueryAuditRecord::occurredAt)
            .thenComparing(QueryAuditRecord::id);

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    @Test
    void listingsCountsExportsAndLookupsMatchTheRecordsThemselves() throws SQLException {
        List<QueryAuditRecord> all = new ArrayList<>();
        try (AdminStore store = StoreFixture.open(dir)) {
            QueryAuditRepository audit = store.queryAudit();
            int batches = 0;
            for (int b = 0; b < 40; b++) {   // 40 group commits whose time ranges overlap their neighbours'
                List<QueryAuditRecord> batch = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                    batch.add(record(T0.plusMillis(b * 1000L + random.nextInt(2500) - 1000)));
                }
                if (b % 2 == 0) audit.insertNew(batch);
                else audit.insertNew(batch, batch.stream().map(QueryAuditBlocksTest::journalLine).toList());
                all.addAll(batch);
                batches++;
            }
            assertEquals(batches, rows(store, "br_query_audit_block"), "one block row per group commit");

            List<QueryAuditFilter> filters = new ArrayList<>(List.of(QueryAuditFilter.ALL,
                    filter("u-1", null, null, null, null, null, null),
                    filter(null, "ds-2", Decision.DENIED, null, null, null, null),
                    filter(null, null, null, Kind.LOGIN, null, null, null),
                    filter(null, null, null, null, T0.plusSeconds(7), T0.plusSeconds(23), null),
                    filter("u-2", null, Decision.ALLOWED, Kind.STATEMENT, T0.plusMillis(4321), null, null),
                    filter(null, null, null, null, null, T0.plusSeconds(11), "ORDERS"),
                    filter(null, null, null, null, null, null, "tenant = 'b'"),
                    filter("nobody", null, null, null, null, null, null)));
            for (int i = 0; i < 20; i++) {
                Instant a = T0.plusMillis(random.nextInt(42_000) - 1000);
                filters.add(filter(random.nextBoolean() ? "u-" + random.nextInt(3) : null, null,
                        random.nextBoolean() ? Decision.values()[random.nextInt(4)] : null, null, a,
                        a.plusMillis(random.nextInt(15_000)), null));
            }
            for (QueryAuditFilter f : filters) {
                List<QueryAuditRecord> expected = all.stream().filter(model(f)).sorted(NEWEST).toList();
                assertEquals(expected.size(), audit.count(f), "count of " + f);
                List<QueryAuditRecord> paged = new ArrayList<>();
                for (int page = 1; ; page++) {
                    var p = audit.list(f, new PageRequest(page, 37));
                    assertEquals(expected.size(), p.total(), "total of " + f);
                    paged.addAll(p.items());
                    if (p.items().size() < 37) break;
                }
                assertEquals(expected, paged, "list of " + f);
            }

            Instant from = T0.plusMillis(3500);
            Instant to = T0.plusMillis(30_500);
            List<QueryAuditRecord> exported = new ArrayList<>();
            audit.export(from, to, exported::add);
            assertEquals(all.stream().filter(r -> !r.occurredAt().isBefore(from) && r.occurredAt().isBefore(to))
                    .sorted(OLDEST).toList(), exported);

            for (QueryAuditRecord r : all) assertEquals(r, audit.find(r.id()).orElseThrow());
            assertTrue(audit.find(QueryAuditRecord.newId()).isEmpty());
            assertTrue(audit.find("not-an-id").isEmpty());
            String missing = QueryAuditRecord.newId();
            assertEquals(List.of(all.get(3).id(), all.get(70).id()),
                    audit.existing(List.of(all.get(3).id(), missing, all.get(70).id())));

            long before = audit.count(QueryAuditFilter.ALL);
            audit.insertAll(all.subList(10, 30));   // a replay of records already stored adds nothing
            assertEquals(before, audit.count(QueryAuditFilter.ALL));
        }
    }

    @Test
    void purgeTakesOldRecordsOutOfWholeAndStraddlingBlocks() {
        List<QueryAuditRecord> all = new ArrayList<>();
        try (AdminStore store = StoreFixture.open(dir)) {
            QueryAuditRepository audit = store.queryAudit();
            for (int b = 0; b < 30; b++) {
                List<QueryAuditRecord> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) batch.add(record(T0.plusMillis(b * 1000L + random.nextInt(3000))));
                audit.insertNew(batch);
                all.addAll(batch);
            }
            Instant cutoff = T0.plusMillis(12_345);
            long old = all.stream().filter(r -> r.occurredAt().isBefore(cutoff)).count();
            long purged = 0;
            int n;
            do {
                n = audit.purgeOlderThan(cutoff, 25);
                purged += n;
            } while (n >= 25);
            assertEquals(old, purged);
            assertEquals(0, audit.purgeOlderThan(cutoff, 25));
            List<QueryAuditRecord> kept = new ArrayList<>();
            audit.export(T0.minusSeconds(60), T0.plusSeconds(60), kept::add);
            assertEquals(all.stream().filter(r -> !r.occurredAt().isBefore(cutoff)).sorted(OLDEST).toList(), kept);
            assertEquals(kept.size(), audit.count(QueryAuditFilter.ALL));
        }
    }

    /** A store written by a version with one row per record (V11) opens with every record readable, in blocks. */
    @Test
    void rowsOfTheOldAuditTableAreMovedIntoBlocksOnUpgrade() throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("store").toString());
        ds.setCreateDatabase("create");
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds).resourceProvider(new ModuleMigrationResources())
                .table("flyway_schema_history").target("12").load().migrate();
        List<QueryAuditRecord> old = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO br_query_audit (id, occurred_at, kind, user_id, username,"
                     + " datasource_id, original_sql, rewritten_sql, policies_json, decision, sql_state, guard_micros,"
                     + " statement_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 1234; i++) {   // ids of that version were random UUIDs
                QueryAuditRecord r = new QueryAuditRecord(UUID.randomUUID().toString(), T0.plusMillis(i * 7L), Kind.STATEMENT,
                        "u-" + (i % 3), "user" + (i % 3), "ds-1", null, null, null, null, i % 5 == 0 ? null : i,
                        null, "SELECT " + i, i % 2 == 0 ? null : "SELECT " + i + " /* rewritten */",
                        i % 2 == 0 ? List.of() : List.of(new AppliedPolicyRef("p-1", "tenant", 3)),
                        i % 4 == 0 ? Decision.DENIED : Decision.ALLOWED, i % 4 == 0 ? "42501" : null, null, null,
                        (long) i, null, null, null, null);
                ps.setString(1, r.id());
                ps.setTimestamp(2, Timestamp.from(r.occurredAt()));
                ps.setString(3, r.kind().name());
                ps.setString(4, r.userId());
                ps.setString(5, r.username());
                ps.setString(6, r.dataSourceId());
                ps.setString(7, r.originalSql());
                ps.setString(8, r.rewrittenSql());
                ps.setString(9, r.policies().isEmpty() ? "[]" : "[{\"id\":\"p-1\",\"name\":\"tenant\",\"version\":3}]");
                ps.setString(10, r.decision().name());
                ps.setString(11, r.sqlState());
                ps.setLong(12, r.guardMicros());
                ps.setObject(13, r.statementIndex(), java.sql.Types.INTEGER);
                ps.executeUpdate();
                old.add(r);
            }
        }
        shutdown();
        try (AdminStore store = StoreFixture.open(dir)) {
            QueryAuditRepository audit = store.queryAudit();
            assertEquals(0, rows(store, "br_query_audit"), "the old table is emptied");
            assertEquals(3, rows(store, "br_query_audit_block"), "1,234 rows in blocks of 500");
            List<QueryAuditRecord> exported = new ArrayList<>();
            audit.export(T0, T0.plusSeconds(3600), exported::add);
            assertEquals(old, exported);
            assertEquals(old.get(617), audit.find(old.get(617).id()).orElseThrow());
            assertEquals(309, audit.count(filter(null, null, Decision.DENIED, null, null, null, null)));
        }
    }

    private QueryAuditRecord record(Instant at) {
        int u = random.nextInt(3);
        boolean login = random.nextInt(10) == 0;
        Decision d = Decision.values()[random.nextInt(4)];
        String sql = login ? null : random.nextBoolean() ? "SELECT * FROM orders WHERE id = " + random.nextInt(100)
                : "select name from Customers";
        String rewritten = sql == null || d != Decision.ALLOWED ? null
                : sql.replace("orders", "(SELECT * FROM public.orders WHERE tenant = '" + (char) ('a' + u) + "') orders");
        // ids of this version are UUIDv7 taken when the record is made, not at occurredAt
        return new QueryAuditRecord(QueryAuditRecord.newId(), at, login ? Kind.LOGIN : Kind.STATEMENT, "u-" + u, "user" + u,
                "ds-" + random.nextInt(3), "shop", "10.0.0.9:4000", "psql", 7L, login ? null : random.nextInt(5),
                "simple", sql, rewritten, rewritten == null ? List.of() : List.of(new AppliedPolicyRef("p-" + u, "tenant", 2)),
                d, d == Decision.DENIED ? "42P01" : null, null, d == Decision.DENIED ? "hidden table" : null,
                (long) random.nextInt(900), 1000L, 3L, 120L, login ? null : "[\"1\"]");
    }

    /** A record as the audit journal encodes it: its sequence number, then the shared fields. */
    private static byte[] journalLine(QueryAuditRecord r) {
        byte[] fields = dev.betweenrows.store.QueryAuditJson.fields(r);
        byte[] prefix = "{\"seq\":99,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] line = java.util.Arrays.copyOf(prefix, prefix.length + fields.length - 1);
        System.arraycopy(fields, 1, line, prefix.length, fields.length - 1);
        return line;
    }

    private static QueryAuditFilter filter(String user, String ds, Decision d, Kind k, Instant from, Instant to, String search) {
        return new QueryAuditFilter(user, ds, d, k, from, to, search);
    }

    private static Predicate<QueryAuditRecord> model(QueryAuditFilter f) {
        String needle = f.search() == null ? null : f.search().toLowerCase(Locale.ROOT);
        return r -> (f.userId() == null || f.userId().equals(r.userId()))
                && (f.dataSourceId() == null || f.dataSourceId().equals(r.dataSourceId()))
                && (f.decision() == null || f.decision() == r.decision())
                && (f.kind() == null || f.kind() == r.kind())
                && (f.from() == null || r.occurredAt().compareTo(f.from()) >= 0)
                && (f.to() == null || r.occurredAt().compareTo(f.to()) < 0)
                && (needle == null || (r.originalSql() != null && r.originalSql().toLowerCase(Locale.ROOT).contains(needle))
                        || (r.rewrittenSql() != null && r.rewrittenSql().toLowerCase(Locale.ROOT).contains(needle)));
    }

    private long rows(AdminStore store, String table) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("store").toString());
        try (Connection c = ds.getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void shutdown() {
        StoreFixture.shutdown(dir);
    }
}
