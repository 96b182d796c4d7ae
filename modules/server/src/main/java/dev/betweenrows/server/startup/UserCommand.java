package dev.betweenrows.server.startup;

import dev.betweenrows.server.config.ConfigException;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreLockedException;
import dev.betweenrows.store.StoreOptions;
import dev.betweenrows.store.StoreProvider;
import dev.betweenrows.store.Usernames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code betweenrows user create --username U --password-stdin [--admin]}: the rescue admin. Opens the
 * store in {@code BR_DATA_DIR} (refused while a server holds it: the store lock), applies the API's
 * username and password rules, and never takes the password as an argument (it would show in {@code ps}).
 * Exit codes: 0 created, 1 failed (store in use, user exists, I/O), 2 usage or invalid input.
 */
public final class UserCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    static final Actor CLI = new Actor(null, "cli");

    private UserCommand() {}

    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.isEmpty() || !args.getFirst().equals("create")) return usage(err, "expected 'user create'");
        String username = null;
        boolean passwordStdin = false;
        boolean admin = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--username" -> {
                    if (++i >= args.size()) return usage(err, "--username needs a value");
                    username = args.get(i);
                }
                case "--password-stdin" -> passwordStdin = true;
                case "--admin" -> admin = true;
                case "--password" -> {
                    return usage(err, "--password is not accepted (it would be visible to other users); use --password-stdin");
                }
                default -> {
                    return usage(err, "unknown option '" + args.get(i) + "'");
                }
            }
        }
        if (username == null) return usage(err, "--username is required");
        if (!passwordStdin) return usage(err, "--password-stdin is required: pipe the password on standard input");
        if (!Usernames.isValid(username)) {
            return usage(err, "invalid username: 3-50 characters, a letter first, then letters, digits, '_', '.' or '-'");
        }
        char[] password;
        try {
            password = readLine(stdin);
        } catch (IOException e) {
            err.println("betweenrows: cannot read the password from standard input: " + e.getMessage());
            return FAILED;
        }
        String verifier;
        try {
            verifier = Passwords.scramVerifier(password);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        return create(env, new NewUser(username, verifier, admin), out, err);
    }

    private static int create(Map<String, String> env, NewUser user, PrintStream out, PrintStream err) {
        Path data;
        try {
            data = Settings.load(env).path(Setting.DATA_DIR).toAbsolutePath().normalize();
            Files.createDirectories(data);
        } catch (ConfigException e) {
            return usage(err, e.getMessage());
        } catch (IOException e) {
            err.println("betweenrows: cannot create data directory (BR_DATA_DIR): " + e.getMessage());
            return FAILED;
        }
        // no encryption key: creating a user touches no sealed secret
        try (AdminStore store = StoreProvider.load().open(new StoreOptions(data.resolve("store")))) {
            var created = store.users().create(user, CLI);
            out.println("created " + (user.admin() ? "admin " : "") + "user '" + created.username() + "' (" + created.id() + ")");
            return OK;
        } catch (StoreLockedException e) {
            err.println("betweenrows: " + e.getMessage());
            return FAILED;
        } catch (StoreException e) {
            err.println("betweenrows: " + e.getMessage());
            return FAILED;
        }
    }

    /** One line of standard input, without its line break, as characters (never a String). */
    private static char[] readLine(InputStream stdin) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        char[] buf = new char[1025];
        int n = 0;
        int c;
        while ((c = reader.read()) != -1 && c != '\n' && n < buf.length) buf[n++] = (char) c;
        if (n > 0 && buf[n - 1] == '\r') n--;
        char[] out = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return out;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("betweenrows user: " + problem);
        err.println("usage: betweenrows user create --username NAME --password-stdin [--admin]");
        return USAGE;
    }
}
