package dev.betweenrows.store.derby;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Serves the migrations from this module's resources. Flyway's classpath scanner finds nothing
 * inside a jlink image, so the migrations are listed in {@code db/migration/index.txt} (a test
 * checks the index against the directory) and read with {@code getResourceAsStream}. Tests may add a
 * second directory with its own index (a deliberately failing migration, say).
 */
final class ModuleMigrationResources implements ResourceProvider {
    static final String DIR = "db/migration/";
    private final List<String> dirs;

    ModuleMigrationResources() {
        this.dirs = List.of(DIR);
    }

    /** The shipped migrations plus those indexed in {@code extraDir} (ending in '/'). */
    ModuleMigrationResources(String extraDir) {
        this.dirs = List.of(DIR, extraDir);
    }

    @Override
    public LoadableResource getResource(String name) {
        for (String dir : dirs) {
            String file = name.startsWith(dir) ? name.substring(dir.length()) : name;
            if (index(dir).contains(file)) return new Migration(dir, file);
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return dirs.stream().flatMap(dir -> index(dir).stream()
                .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                .<LoadableResource>map(f -> new Migration(dir, f)))
                .toList();
    }

    /** The versions these resources provide, e.g. {@code 11} for {@code V11__query_audit.sql}. */
    List<String> versions() {
        return dirs.stream().flatMap(dir -> index(dir).stream())
                .map(f -> f.substring(1, f.indexOf("__")).replace('_', '.')).toList();
    }

    static List<String> index() {
        return index(DIR);
    }

    static List<String> index(String dir) {
        try (InputStream in = open(dir, "index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String dir, String file) throws IOException {
        InputStream in = ModuleMigrationResources.class.getResourceAsStream("/" + dir + file);
        if (in == null) {
            throw new IOException("migration resource missing: " + dir + file);
        }
        return in;
    }

    private static final class Migration extends LoadableResource {
        private final String dir;
        private final String file;

        Migration(String dir, String file) {
            this.dir = dir;
            this.file = file;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(open(dir, file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return dir + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return dir + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return dir + file;
        }
    }
}
