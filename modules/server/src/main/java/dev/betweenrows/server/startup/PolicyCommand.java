package dev.betweenrows.server.startup;

import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.server.config.ConfigException;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.ImportOutcome;
import dev.betweenrows.store.PolicyAsCode;
import dev.betweenrows.store.PolicyImportException;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@code betweenrows policies export [--out FILE]} and {@code policies import FILE [--dry-run] [--prune]}
 * on the store in {@code BR_DATA_DIR} (offline: refused while a server holds it). Exit codes: 0 done,
 * 1 failed, 2 usage, 3 the document was refused (every problem is printed).
 */
public final class PolicyCommand {
    public static final int REFUSED = 3;
    static final Actor CLI = new Actor(null, "cli");

    private PolicyCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.isEmpty()) return usage(err, "expected 'export' or 'import'");
        String sub = args.getFirst();
        Path out_ = null;
        Path in = null;
        boolean dryRun = false;
        boolean prune = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (sub.equals("export") && a.equals("--out") && i + 1 < args.size()) out_ = Path.of(args.get(++i));
            else if (sub.equals("import") && a.equals("--dry-run")) dryRun = true;
            else if (sub.equals("import") && a.equals("--prune")) prune = true;
            else if (sub.equals("import") && in == null && !a.startsWith("--")) in = Path.of(a);
            else return usage(err, "unexpected argument '" + a + "'");
        }
        if (!sub.equals("export") && !sub.equals("import")) return usage(err, "expected 'export' or 'import'");
        if (sub.equals("import") && in == null) return usage(err, "import needs a FILE");
        StoreOptions options;
        try {
            Settings settings = Settings.load(env);
            options = new StoreOptions(settings.path(Setting.DATA_DIR).toAbsolutePath().normalize().resolve("store"), null,
                    settings.integer(Setting.BACKUP_KEEP));
        } catch (ConfigException e) {
            return usage(err, e.getMessage());
        }
        try (AdminStore store = StoreProvider.load().open(options)) {
            if (sub.equals("export")) {
                String yaml = PolicyAsCode.export(store);
                if (out_ == null) out.print(yaml);
                else Files.writeString(out_, yaml, StandardCharsets.UTF_8);
                return StoreCommands.OK;
            }
            ExpressionValidator validator = ServiceLoader.load(ExpressionValidator.class).findFirst().orElse(null);
            ImportOutcome outcome = PolicyAsCode.importYaml(store, Files.readString(in, StandardCharsets.UTF_8), dryRun,
                    prune, CLI, validator);
            outcome.plan().forEach(c -> out.println(c.toString()));
            out.println(outcome.plan().isEmpty() ? "nothing to change"
                    : (outcome.applied() ? "applied " : "dry run: would apply ") + outcome.plan().size() + " change(s)");
            return StoreCommands.OK;
        } catch (PolicyImportException e) {
            for (var p : e.problems()) err.println(in + ": " + p);
            err.println("betweenrows policies: nothing was imported (" + e.problems().size() + " problem(s))");
            return REFUSED;
        } catch (StoreException | IOException e) {
            err.println("betweenrows policies: " + e.getMessage());
            return StoreCommands.FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("betweenrows policies: " + problem);
        err.println("usage: betweenrows policies export [--out FILE] | policies import FILE [--dry-run] [--prune]");
        return StoreCommands.USAGE;
    }
}
