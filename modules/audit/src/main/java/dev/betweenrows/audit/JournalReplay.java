package dev.betweenrows.audit;

import dev.betweenrows.audit.journal.Journal;
import dev.betweenrows.store.QueryAuditRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/** On start: records journaled but not yet in the store (a crash, a store outage) are written now. */
final class JournalReplay {
    private static final Logger LOG = Logger.getLogger(JournalReplay.class.getName());
    private static final int BATCH = 500;

    private JournalReplay() {}

    static int replay(Journal journal, QueryAuditRepository repo) {
        try {
            List<Journal.Entry> pending = journal.uncommitted();
            for (int i = 0; i < pending.size(); i += BATCH) {
                List<Journal.Entry> chunk = pending.subList(i, Math.min(pending.size(), i + BATCH));
                repo.insertAll(chunk.stream().map(Journal.Entry::record).toList());   // idempotent by id
                journal.checkpoint(chunk.getLast().seq());
            }
            if (!pending.isEmpty()) {
                LOG.info("replayed " + pending.size() + " audit records from the journal");
            }
            return pending.size();
        } catch (IOException e) {
            throw new UncheckedIOException("audit journal replay failed: " + e.getMessage(), e);
        }
    }
}
