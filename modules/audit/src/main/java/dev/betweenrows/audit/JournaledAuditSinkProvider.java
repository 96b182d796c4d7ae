package dev.betweenrows.audit;

import dev.betweenrows.audit.journal.Journal;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AuditSink;
import dev.betweenrows.store.AuditSinkProvider;

import java.nio.file.Path;
import java.time.Duration;

/** Opens the journal, replays what the store has not committed, and starts the writer. */
public final class JournaledAuditSinkProvider implements AuditSinkProvider {
    @Override
    public AuditSink open(AdminStore store, Path journalDir, int capacity, Duration maxWait, Duration retention) {
        Journal journal = Journal.open(journalDir);
        JournalReplay.replay(journal, store.queryAudit());
        return new JournaledAuditSink(journal, store.queryAudit(), capacity, maxWait, retention);
    }
}
