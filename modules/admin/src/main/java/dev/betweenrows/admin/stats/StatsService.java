package dev.betweenrows.admin.stats;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.json.DataSourceStat;
import dev.betweenrows.admin.json.StatsDto;
import dev.betweenrows.policy.SessionInfo;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.QueryAuditFilter;
import dev.betweenrows.store.QueryAuditRecord.Decision;
import dev.betweenrows.store.QueryAuditRecord.Kind;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/stats}: the dashboard's live figures — open data-plane sessions, statements and
 * denials in the last hour (from the query audit), and whether each data source's upstream accepts a
 * TCP connection. Register under {@code /api/v1}.
 */
public final class StatsService implements HttpService {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WINDOW = Duration.ofHours(1);

    private final AdminContext ctx;

    public StatsService(AdminContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", this::stats);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        List<SessionInfo> sessions = ctx.sessions().list();
        Instant from = ctx.clock().instant().minus(WINDOW);
        long statements = ctx.store().queryAudit().count(
                new QueryAuditFilter(null, null, null, Kind.STATEMENT, from, null, null));
        long denials = ctx.store().queryAudit().count(
                new QueryAuditFilter(null, null, Decision.DENIED, Kind.STATEMENT, from, null, null));
        Map<String, Long> perDataSource = sessions.stream()
                .collect(Collectors.groupingBy(SessionInfo::dataSourceId, Collectors.counting()));
        res.send(new StatsDto(sessions.size(), statements, denials, dataSources(perDataSource)));
    }

    /** Probes every active data source at once, so the answer takes at most about one timeout. */
    private List<DataSourceStat> dataSources(Map<String, Long> sessions) {
        List<DataSourceRecord> all = ctx.store().dataSources().list();
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Boolean>> reachable = all.stream().filter(d -> d.settings().active())
                    .collect(Collectors.toMap(DataSourceRecord::id,
                            d -> probes.submit(() -> reachable(d.settings().host(), d.settings().port()))));
            Function<DataSourceRecord, Boolean> answer = d -> {
                Future<Boolean> f = reachable.get(d.id());
                try {
                    return f != null && f.get();
                } catch (Exception e) {
                    return false;
                }
            };
            return all.stream().map(d -> new DataSourceStat(d.id(), d.name(), d.settings().active(), answer.apply(d),
                    sessions.getOrDefault(d.id(), 0L).intValue())).toList();
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }
}
