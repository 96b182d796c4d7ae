package dev.betweenrows.wire.session;

import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditUnavailableException;
import dev.betweenrows.store.QueryAuditRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test audit sink that keeps every record in memory and can be switched to refuse, as the real sink does when
 * its backlog stays full ({@link AuditUnavailableException}).
 */
final class RecordingAuditSink implements AuditSink {
    final List<QueryAuditRecord> records = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    void refuse(boolean on) {
        refusing = on;
    }

    @Override
    public void record(QueryAuditRecord record) {
        if (refusing) {
            throw new AuditUnavailableException("test sink refuses");
        }
        records.add(record);
    }

    /** Statement records of one session in order. */
    List<QueryAuditRecord> statements(long sessionId) {
        return records.stream().filter(r -> r.kind() == QueryAuditRecord.Kind.STATEMENT
                && r.sessionId() != null && r.sessionId() == sessionId).toList();
    }

    List<QueryAuditRecord> statements() {
        return records.stream().filter(r -> r.kind() == QueryAuditRecord.Kind.STATEMENT).toList();
    }

    @Override
    public int backlog() {
        return 0;
    }

    @Override
    public void close() {
    }
}
