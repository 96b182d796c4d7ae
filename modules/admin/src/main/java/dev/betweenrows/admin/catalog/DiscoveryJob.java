package dev.betweenrows.admin.catalog;

import dev.betweenrows.admin.json.JobStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One asynchronous discovery job: its status and the ordered events a Server-Sent-Events client replays
 * ({@code progress}, then {@code result} or {@code error} or {@code cancelled}, then {@code done}).
 */
final class DiscoveryJob {
    final String id;
    final String dataSourceId;
    final String action;
    private final Clock clock;
    private final Instant createdAt;
    private final List<JsonObject> events = new ArrayList<>();
    private String status = "running";
    private JsonValue result;
    private String error;
    private Instant finishedAt;
    private volatile boolean cancelRequested;
    private volatile Connection connection;
    private volatile Thread worker;

    DiscoveryJob(String id, String dataSourceId, String action, Clock clock) {
        this.id = id;
        this.dataSourceId = dataSourceId;
        this.action = action;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    void progress(String phase, String detail) {
        checkCancelled();
        emit(Json.createObjectBuilder().add("type", "progress").add("phase", phase).add("detail", detail).build());
    }

    synchronized void complete(JsonValue data) {
        if (!isRunning()) return;
        result = data;
        finish("completed", Json.createObjectBuilder().add("type", "result").add("data", data).build());
    }

    synchronized void fail(String message) {
        if (!isRunning()) return;
        error = message;
        finish("failed", Json.createObjectBuilder().add("type", "error").add("message", message).build());
    }

    synchronized void markCancelled() {
        if (!isRunning()) return;
        error = "cancelled";
        finish("cancelled", Json.createObjectBuilder().add("type", "cancelled").build());
    }

    /** Asks the job to stop: closes its upstream connection so a running query ends too. */
    void cancel() {
        cancelRequested = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is going away either way
            }
        }
        Thread t = worker;
        if (t != null) t.interrupt();
        markCancelled();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void checkCancelled() {
        if (cancelRequested) throw new CancellationException("cancelled");
    }

    void attach(Connection c) {
        connection = c;
        if (cancelRequested) cancel();
    }

    void worker(Thread t) {
        worker = t;
    }

    synchronized boolean isRunning() {
        return status.equals("running");
    }

    synchronized Instant finishedAt() {
        return finishedAt;
    }

    synchronized JobStatus status() {
        return new JobStatus(id, action, status, result, error, createdAt, finishedAt);
    }

    /** Events from {@code index} on, waiting up to {@code waitMillis} for one when none is there yet. */
    synchronized List<JsonObject> eventsFrom(int index, long waitMillis) throws InterruptedException {
        if (index >= events.size() && isRunning()) wait(waitMillis);
        return index >= events.size() ? List.of() : List.copyOf(events.subList(index, events.size()));
    }

    synchronized int eventCount() {
        return events.size();
    }

    private void finish(String finalStatus, JsonObject event) {
        status = finalStatus;
        finishedAt = clock.instant();
        events.add(event);
        events.add(Json.createObjectBuilder().add("type", "done").add("status", finalStatus).build());
        notifyAll();
    }

    private synchronized void emit(JsonObject event) {
        if (!isRunning()) return;
        events.add(event);
        notifyAll();
    }
}
