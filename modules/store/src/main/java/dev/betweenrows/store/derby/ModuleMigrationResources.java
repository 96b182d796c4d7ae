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
 * checks the index against the directory) and read with {@code getResourceAsStream}.
 */
final class ModuleMigrationResources implements ResourceProvider {
    static final String DIR = "db/migration/";

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(DIR) ? name.substring(DIR.length()) : name;
        return index().contains(file) ? new Migration(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return index().stream()
                .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                .<LoadableResource>map(Migration::new)
                .toList();
    }

    static List<String> index() {
        try (InputStream in = open("index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = ModuleMigrationResources.class.getResourceAsStream("/" + DIR + file);
        if (in == null) {
            throw new IOException("migration resource missing: " + DIR + file);
        }
        return in;
    }

    private static final class Migration extends LoadableResource {
        private final String file;

        Migration(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(open(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return DIR + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return DIR + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return DIR + file;
        }
    }
}
