package dev.betweenrows.server.startup;

import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.Passwords;
import dev.betweenrows.store.UserRepository;
import dev.betweenrows.store.Usernames;

import java.util.logging.Logger;

/** First boot: a store without users gets its admin from BR_ADMIN_USER / BR_ADMIN_PASSWORD. */
final class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    private FirstAdmin() {}

    static void ensure(UserRepository users, Settings settings) {
        if (users.count() > 0) {
            return;
        }
        String username = settings.require(Setting.ADMIN_USER);
        if (!Usernames.isValid(username)) {
            throw new StartupException("BR_ADMIN_USER: invalid username '" + username
                    + "' (3-50 characters, a letter first, then letters, digits, '_', '.' or '-')");
        }
        char[] password = settings.get(Setting.ADMIN_PASSWORD)
                .orElseThrow(() -> new StartupException("first start: the admin store has no users. Set BR_ADMIN_PASSWORD"
                        + " (at least " + Passwords.MIN_LENGTH + " characters) to create the admin user '" + username + "'"))
                .toCharArray();
        String verifier;
        try {
            verifier = Passwords.scramVerifier(password);
        } catch (IllegalArgumentException e) {
            throw new StartupException("BR_ADMIN_PASSWORD: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        users.create(new NewUser(username, verifier, true));
        LOG.info("created admin user '" + username + "'");
    }
}
