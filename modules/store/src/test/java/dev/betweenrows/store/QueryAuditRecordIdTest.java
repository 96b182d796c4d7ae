package dev.betweenrows.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryAuditRecordIdTest {

    @Test void idsAreVersion7UuidsInTimeOrder() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(QueryAuditRecord.newId());
            Thread.sleep(2);
        }
        for (String id : ids) {
            UUID u = UUID.fromString(id);
            assertEquals(7, u.version(), id);
            assertEquals(2, u.variant(), id);
            assertEquals(id, u.toString());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.toString());
        }
        long now = System.currentTimeMillis();
        long stamped = UUID.fromString(ids.getLast()).getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(now - stamped) < 10_000, "timestamp bits " + stamped + " vs " + now);
    }

    @Test void idsAreUnique() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) assertTrue(seen.add(QueryAuditRecord.newId()));
    }
}
