package dev.betweenrows.testkit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which OS user runs the PostgreSQL programs. PostgreSQL refuses to run as root, so when this JVM is
 * root the programs run as {@code postgres} (created by the Debian package) or, failing that, as a
 * system user {@code brtest} created here; files they must own are chowned to that user.
 * When the JVM is not root, programs run directly as the current user.
 */
record RunAs(Optional<String> user) {

    static final String FALLBACK_USER = "brtest";
    private static final List<String> RUNUSER = List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser");

    static RunAs detect() {
        if (effectiveUid() != 0) {
            return new RunAs(Optional.empty());
        }
        if (userExists("postgres")) {
            return new RunAs(Optional.of("postgres"));
        }
        if (!userExists(FALLBACK_USER)) {
            createSystemUser(FALLBACK_USER);
        }
        return new RunAs(Optional.of(FALLBACK_USER));
    }

    /** The command line that runs {@code command} as this user. */
    List<String> wrap(List<String> command) {
        if (user.isEmpty()) {
            return command;
        }
        Optional<String> runuser = RUNUSER.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        List<String> wrapped = new ArrayList<>();
        if (runuser.isPresent()) {
            // -u runs the program directly (no login shell), so a nologin user works.
            wrapped.addAll(List.of(runuser.get(), "-u", user.get(), "--"));
            wrapped.addAll(command);
        } else {
            wrapped.addAll(List.of("su", "-s", "/bin/sh", user.get(), "-c", shellQuote(command)));
        }
        return wrapped;
    }

    /** Gives {@code path} to this user (no-op when running as ourselves). */
    void own(Path path) {
        if (user.isEmpty()) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            PosixFileAttributeView view =
                    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setOwner(lookup.lookupPrincipalByName(user.get()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot chown " + path + " to " + user.get(), e);
        }
    }

    static int effectiveUid() {
        try {
            // /proc/self belongs to the effective uid of the process looking at it.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    private static boolean userExists(String name) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot look up OS user " + name, e);
        }
    }

    private static void createSystemUser(String name) {
        try {
            Process p = new ProcessBuilder("useradd", "-r", "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", name)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            // 9 = already exists (another JVM won the race): fine.
            if (p.exitValue() != 0 && p.exitValue() != 9) {
                throw new IllegalStateException("useradd " + name + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create OS user " + name + " to run PostgreSQL as", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating OS user " + name, e);
        }
    }

    private static String shellQuote(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String arg : command) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(arg.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }
}
