package dev.betweenrows.server;

import dev.betweenrows.server.config.ConfigDoc;
import dev.betweenrows.server.config.ConfigException;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.server.startup.GuardTraining;
import dev.betweenrows.server.startup.Logs;
import dev.betweenrows.server.startup.Server;
import dev.betweenrows.server.startup.PolicyCommand;
import dev.betweenrows.server.startup.StartupException;
import dev.betweenrows.server.startup.StoreCommands;
import dev.betweenrows.server.startup.UserCommand;
import dev.betweenrows.server.startup.Version;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.PrintStream;
import java.util.List;

/**
 * Command line: {@code betweenrows [serve] | --version | --help | config-doc | user create | version | migrate
 * | backup | restore | policies | verify | train}.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "serve" : args.getFirst();
        switch (command) {
            case "version" -> {
                return StoreCommands.run(command, args.subList(1, args.size()), out, err, System.getenv());
            }
            case "backup", "restore", "migrate" -> {
                return StoreCommands.run(command, args.subList(1, args.size()), out, err, System.getenv());
            }
            case "policies" -> {
                return PolicyCommand.run(args.subList(1, args.size()), out, err, System.getenv());
            }
            case "--version", "-V" -> {
                out.println("BetweenRows " + Version.current());
                return OK;
            }
            case "--help", "-h", "help" -> {
                out.print(usage());
                return OK;
            }
            case "config-doc" -> {
                out.print(ConfigDoc.markdown(Config.just(ConfigSources.classpath("application.yaml"))));
                return OK;
            }
            case "serve" -> {
                return serve(err);
            }
            case "train" -> {
                return train(args.subList(1, args.size()), err);
            }
            case "verify" -> {
                return dev.betweenrows.server.verify.VerifyCommand.run(args.subList(1, args.size()), out, err, System.getenv());
            }
            case "user" -> {
                return UserCommand.run(args.subList(1, args.size()), System.in, out, err, System.getenv());
            }
            default -> {
                err.println("unknown command '" + command + "'");
                err.print(usage());
                return USAGE;
            }
        }
    }

    private static int serve(PrintStream err) {
        return withServer(err, settings -> {
            Server.start(settings, System.getenv()).awaitStopped();
            return OK;
        });
    }

    /**
     * The image build's AOT training run: starts as {@code serve} does, runs {@link GuardTraining}'s statements
     * through the guard (in this process only), stops.
     */
    private static int train(List<String> args, PrintStream err) {
        int rounds;
        try {
            rounds = args.isEmpty() ? 2_500 : Integer.parseInt(args.getFirst());
        } catch (NumberFormatException e) {
            rounds = 0;
        }
        if (rounds < 1) {
            err.println("betweenrows train: rounds must be a positive number, not '" + args.getFirst() + "'");
            return USAGE;
        }
        int n = rounds;
        return withServer(err, settings -> {
            // a production data directory is never the training's: the run would migrate it and open its ports
            if (!GuardTraining.isEmptyOrMissing(settings.path(Setting.DATA_DIR))) {
                err.println("betweenrows train: BR_DATA_DIR must be empty or missing (train is for the image build)");
                return USAGE;
            }
            Server server = Server.start(settings, System.getenv());
            try {
                long t0 = System.nanoTime();
                GuardTraining.Result r = GuardTraining.run(n);
                err.println("training: " + r.forwarded() + " statements forwarded, " + r.refused() + " refused in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                return r.forwarded() == n * GuardTraining.shapes() && r.refused() == n ? OK : FAILED;
            } catch (RuntimeException e) {
                err.println("betweenrows train: " + e);
                return FAILED;
            } finally {
                server.stop();
            }
        });
    }

    private interface ServerWork {
        int run(Settings settings) throws InterruptedException;
    }

    private static int withServer(PrintStream err, ServerWork work) {
        Settings settings;
        try {
            settings = Settings.load(System.getenv());
        } catch (ConfigException e) {
            err.println("betweenrows: " + e.getMessage());
            return USAGE;
        }
        Logs.configure(settings.logLevel());
        try {
            return work.run(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (ConfigException | StartupException e) {
            Logs.fatal(e.getMessage());
            return FAILED;
        }
    }

    static String usage() {
        return """
                Usage: betweenrows [command]

                Commands:
                  serve        start the data plane and the admin plane (default)
                  verify       post-upgrade smoke test: admin API, sign-in, a data-plane query, its audit record
                  train [N]    the image build's AOT training run: start, N rounds of made-up statements through
                               the guard (in-process, nothing stored), stop
                  --version    print the version and exit
                  --help       print this help and exit
                  config-doc   print the configuration reference (Markdown)
                  user create --username NAME --password-stdin [--admin]
                               create a user (the rescue admin) in BR_DATA_DIR; the server must be stopped
                  version      print the version, the store's schema version and pending migrations
                  migrate [--dry-run]
                               apply (or list) pending migrations, with the automatic pre-migration backup
                  backup --to DIR
                               consistent copy of the store (offline: the server must be stopped)
                  restore --from DIR
                               replace the store with a backup (server stopped); the old one is kept aside
                  policies export [--out FILE]
                  policies import FILE [--dry-run] [--prune]
                               policy-as-code YAML (server stopped); import is all or nothing

                Configuration comes from BR_* environment variables; see docs/reference/configuration.md.
                First start on an empty data directory needs BR_ADMIN_PASSWORD.
                """;
    }
}
