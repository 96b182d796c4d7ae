package dev.betweenrows.admin.ops;

import dev.betweenrows.admin.AdminContext;
import dev.betweenrows.admin.auth.AdminAuthFilter;
import dev.betweenrows.admin.http.ApiException;
import dev.betweenrows.admin.json.BackupResult;
import dev.betweenrows.admin.json.ImportProblems;
import dev.betweenrows.admin.json.ImportResult;
import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.store.ImportOutcome;
import dev.betweenrows.store.PolicyAsCode;
import dev.betweenrows.store.PolicyImportException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ServiceLoader;

/**
 * Operations under {@code /api/v1}: {@code POST /admin/backup} (online, consistent),
 * {@code GET /policies/export} (YAML) and {@code POST /policies/import?dry_run=&prune=}.
 */
public final class OperationsService implements HttpService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final long MAX_YAML_BYTES = 1 << 20;
    private final AdminContext ctx;
    private final Path backups;

    public OperationsService(AdminContext ctx, Path backups) {
        this.ctx = ctx;
        this.backups = backups;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/backup", this::backup)
             .get("/policies/export", this::export)
             .post("/policies/import", this::importYaml);
    }

    /** Body (optional): {@code {"to": "/absolute/new/dir"}}; default {@code <data>/backups/manual-<time>}. */
    private void backup(ServerRequest req, ServerResponse res) {
        Path target = backups.resolve("manual-" + STAMP.format(Instant.now()));
        if (req.content().hasEntity()) {
            String to = dev.betweenrows.admin.http.Bodies.json(req, dev.betweenrows.admin.json.BackupRequest.class).to();
            if (to != null && !to.isBlank()) target = requestedTarget(to);
        }
        Path written = ctx.store().backup(target);
        ctx.store().audit().append(AdminAuthFilter.principal(req).actor(), "backup", "store", null,
                jakarta.json.Json.createObjectBuilder().add("path", written.toString()).build().toString());
        res.status(Status.CREATED_201).send(new BackupResult(written.toString()));
    }

    private static Path requestedTarget(String to) {
        Path p;
        try {
            p = Path.of(to).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw ApiException.unprocessable("to: not a valid path");
        }
        if (!p.isAbsolute()) throw ApiException.unprocessable("to: give an absolute directory path");
        try {
            if (java.nio.file.Files.exists(p) && (!java.nio.file.Files.isDirectory(p)
                    || java.nio.file.Files.list(p).findAny().isPresent())) {
                throw ApiException.conflict("to: " + p + " exists and is not an empty directory");
            }
        } catch (java.io.IOException e) {
            throw ApiException.unprocessable("to: cannot inspect " + p);
        }
        return p;
    }

    private void export(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        res.send(PolicyAsCode.export(ctx.store()));
    }

    private void importYaml(ServerRequest req, ServerResponse res) {
        if (!req.content().hasEntity()) throw ApiException.badRequest("send the policy YAML as the request body");
        String yaml = req.content().as(String.class);
        if (yaml.length() > MAX_YAML_BYTES) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large", "policy documents are limited to 1 MiB");
        }
        boolean dryRun = flag(req, "dry_run");
        boolean prune = flag(req, "prune");
        try {
            ImportOutcome outcome = PolicyAsCode.importYaml(ctx.store(), yaml, dryRun, prune,
                    AdminAuthFilter.principal(req).actor(), validator());
            res.send(new ImportResult(outcome.applied(), outcome.plan().stream()
                    .map(c -> new ImportResult.Change(c.action(), c.kind(), c.name())).toList()));
        } catch (PolicyImportException e) {
            res.status(Status.create(422, "Unprocessable Content")).send(new ImportProblems("invalid_document",
                    e.problems().size() + " problem(s) in the policy document; nothing was changed",
                    e.problems().stream().map(p -> new ImportProblems.Problem(p.line(), p.column(), p.message())).toList()));
        }
    }

    private static boolean flag(ServerRequest req, String name) {
        String v = req.query().first(name).orElse("false").strip();
        if (!v.equals("true") && !v.equals("false")) throw ApiException.badRequest(name + " must be true or false");
        return v.equals("true");
    }

    private static ExpressionValidator validator() {
        return ServiceLoader.load(ExpressionValidator.class).findFirst().orElse(null);
    }
}
