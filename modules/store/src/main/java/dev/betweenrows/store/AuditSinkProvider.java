package dev.betweenrows.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/** Creates the audit sink (module audit provides it). */
public interface AuditSinkProvider {

    /**
     * @param journalDir  directory for the local journal (replayed into the store on start)
     * @param capacity    records that may wait for the store before producers are held back
     * @param maxWait     how long a producer waits for room before {@link AuditUnavailableException}
     * @param retention   records older than this are purged in the background ({@link Duration#ZERO}: never)
     */
    AuditSink open(AdminStore store, Path journalDir, int capacity, Duration maxWait, Duration retention);

    static AuditSinkProvider load() {
        return ServiceLoader.load(AuditSinkProvider.class).findFirst()
                .orElseThrow(() -> new StoreException("no audit implementation on the module path"));
    }
}
