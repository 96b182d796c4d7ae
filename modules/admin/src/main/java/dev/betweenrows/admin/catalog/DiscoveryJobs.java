package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.upstream.Upstream;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.StoreException;
import jakarta.json.JsonValue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-memory job registry: at most one running job per data source, each on its own virtual thread;
 * finished jobs are forgotten after {@link #TTL} (BetweenRows kept them forever).
 */
final class DiscoveryJobs {
    static final Duration TTL = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(DiscoveryJobs.class.getName());

    /** The work of a job; returns the result data. */
    interface Work {
        JsonValue run(DiscoveryJob job) throws Exception;
    }

    private final Map<String, DiscoveryJob> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    DiscoveryJobs(Clock clock) {
        this.clock = clock;
    }

    synchronized DiscoveryJob submit(DataSourceRecord ds, String action, Work work) {
        purge();
        if (jobs.values().stream().anyMatch(j -> j.dataSourceId.equals(ds.id()) && j.isRunning()))
            throw ApiException.conflict("a discovery job is already running for this data source");
        DiscoveryJob job = new DiscoveryJob(UUID.randomUUID().toString(), ds.id(), action, clock);
        jobs.put(job.id, job);
        job.worker(Thread.ofVirtual().name("br-discovery-" + job.id).start(() -> run(job, ds, work)));
        return job;
    }

    Optional<DiscoveryJob> find(String dataSourceId, String jobId) {
        purge();
        DiscoveryJob job = jobs.get(jobId);
        return job != null && job.dataSourceId.equals(dataSourceId) ? Optional.of(job) : Optional.empty();
    }

    private void run(DiscoveryJob job, DataSourceRecord ds, Work work) {
        try {
            job.complete(work.run(job));
        } catch (CancellationException | InterruptedException e) {
            job.markCancelled();
        } catch (SQLException e) {
            if (job.cancelRequested()) job.markCancelled();
            else job.fail(Upstream.describe(e, ds.settings()));
        } catch (IllegalArgumentException | ApiException | StoreException e) {
            job.fail(e.getMessage());
        } catch (Exception | Error e) {
            if (job.cancelRequested()) {
                job.markCancelled();
            } else {
                LOG.log(Level.WARNING, "discovery job " + job.id + " failed", e);
                job.fail("internal error");
            }
        }
    }

    private void purge() {
        var cutoff = clock.instant().minus(TTL);
        jobs.values().removeIf(j -> !j.isRunning() && j.finishedAt() != null && j.finishedAt().isBefore(cutoff));
    }
}
