package dev.betweenrows.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs here, so the container files are kept thin around the tested runtime image
 * and checked for the paths and ports they must use.
 */
class PackagingTest {
    private static final Path REPO = Path.of(System.getProperty("br.repo", "../..")).toAbsolutePath().normalize();

    private static String read(String file) throws Exception {
        return Files.readString(REPO.resolve(file));
    }

    private static void contains(String text, String what, String file) {
        assertTrue(text.contains(what), file + " must contain: " + what);
    }

    @Test
    void dockerfileShipsTheSameRuntimeImage() throws Exception {
        String f = read("docker/Dockerfile");
        contains(f, "build/link-image.sh", "Dockerfile");
        contains(f, "mvn", "Dockerfile");
        contains(f, "modules/dist/target/image", "Dockerfile");
        contains(f, "EXPOSE 5434 5435", "Dockerfile");
        contains(f, "VOLUME /data", "Dockerfile");
        contains(f, "BR_DATA_DIR=/data", "Dockerfile");
        contains(f, "BR_PROXY_BIND_ADDR=0.0.0.0:5434", "Dockerfile");
        contains(f, "BR_ADMIN_BIND_ADDR=0.0.0.0:5435", "Dockerfile");
        contains(f, "USER 10001", "Dockerfile");
        contains(f, "HEALTHCHECK", "Dockerfile");
        contains(f, "ENTRYPOINT [\"/opt/betweenrows/bin/betweenrows\"]", "Dockerfile");
        assertTrue(Files.isRegularFile(REPO.resolve("build/link-image.sh")));
    }

    @Test
    void composePinsTheVersionAndMountsData() throws Exception {
        String c = read("docker/compose.yaml");
        contains(c, "betweenrows:0.1.0", "compose.yaml");
        contains(c, "5434:5434", "compose.yaml");
        contains(c, "5435:5435", "compose.yaml");
        contains(c, ":/data", "compose.yaml");
        contains(c, "BR_ADMIN_PASSWORD", "compose.yaml");
    }

    @Test
    void flyMountsDataAndExposesBothPorts() throws Exception {
        String t = read("fly.toml");
        contains(t, "destination = \"/data\"", "fly.toml");
        contains(t, "internal_port = 5434", "fly.toml");
        contains(t, "internal_port = 5435", "fly.toml");
        contains(t, "dockerfile = \"docker/Dockerfile\"", "fly.toml");
    }
}
