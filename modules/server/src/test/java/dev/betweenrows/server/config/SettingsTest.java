package dev.betweenrows.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    private static final Config DEFAULTS = Config.just(ConfigSources.classpath("application.yaml"));

    @Test
    void defaultsComeFromApplicationYaml() {
        Settings s = Settings.resolve(Map.of(), DEFAULTS);
        assertEquals("127.0.0.1:5434", s.require(Setting.PROXY_BIND_ADDR));
        assertEquals("127.0.0.1:5435", s.require(Setting.ADMIN_BIND_ADDR));
        assertEquals("./data", s.require(Setting.DATA_DIR));
        assertEquals(900, s.integer(Setting.IDLE_TIMEOUT_SECS));
        assertEquals(64 * 1024 * 1024, s.integer(Setting.MAX_MESSAGE_BYTES));
        assertTrue(s.get(Setting.ADMIN_PASSWORD).isEmpty());
    }

    @Test
    void environmentOverridesYaml() {
        Settings s = Settings.resolve(Map.of("BR_PROXY_BIND_ADDR", "0.0.0.0:6000", "BR_IDLE_TIMEOUT_SECS", "0"), DEFAULTS);
        assertEquals("0.0.0.0", s.address(Setting.PROXY_BIND_ADDR).getHostString());
        assertEquals(6000, s.address(Setting.PROXY_BIND_ADDR).getPort());
        assertEquals(0, s.integer(Setting.IDLE_TIMEOUT_SECS));
    }

    @Test
    void invalidValuesNameTheVariableAndAreAllReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.resolve(Map.of(
                "BR_PROXY_BIND_ADDR", "localhost", "BR_IDLE_TIMEOUT_SECS", "-1", "BR_LOG_LEVEL", "loud"), DEFAULTS));
        assertTrue(e.getMessage().contains("BR_PROXY_BIND_ADDR"), e.getMessage());
        assertTrue(e.getMessage().contains("BR_IDLE_TIMEOUT_SECS"), e.getMessage());
        assertTrue(e.getMessage().contains("BR_LOG_LEVEL"), e.getMessage());
        assertThrows(ConfigException.class, () -> Settings.resolve(Map.of("BR_ADMIN_BIND_ADDR", "h:70000"), DEFAULTS));
    }

    @Test
    void aBadKeyIsReportedWithoutEchoingIt() {
        String notHex = "zz".repeat(32);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.resolve(Map.of("BR_ENCRYPTION_KEY", notHex), DEFAULTS));
        assertTrue(e.getMessage().contains("BR_ENCRYPTION_KEY"));
        assertFalse(e.getMessage().contains(notHex), "a rejected secret must not be echoed");
        Settings ok = Settings.resolve(Map.of("BR_ENCRYPTION_KEY", "ab".repeat(32)), DEFAULTS);
        assertEquals("ab".repeat(32), ok.require(Setting.ENCRYPTION_KEY));
    }

    @Test
    void unknownBrVariablesAreWarnedAboutWithASuggestion() {
        Settings s = Settings.resolve(Map.of("BR_PROXY_BIND_ADR", "x", "BR_JAVA_OPTS", "-Xmx1g", "HOME", "/root"), DEFAULTS);
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().getFirst().contains("BR_PROXY_BIND_ADR"));
        assertTrue(s.warnings().getFirst().contains("did you mean BR_PROXY_BIND_ADDR"));
    }

    @Test
    void secretsHaveNoYamlKey() {
        for (Setting s : Setting.values()) {
            if (s.isSecret()) {
                assertTrue(s.key().isEmpty(), s + " must come from the environment only");
            }
        }
    }

    @Test
    void theConfigurationReferenceIsGeneratedFromTheSettingList() throws Exception {
        Path doc = Path.of("../../docs/reference/configuration.md");
        String expected = ConfigDoc.markdown(DEFAULTS);
        if (Boolean.getBoolean("regenerateDocs")) {   // mvn test -pl modules/server -Dtest=SettingsTest -DregenerateDocs=true
            Files.writeString(doc, expected);
        }
        assertEquals(expected, Files.readString(doc),
                "docs/reference/configuration.md is stale: regenerate it with `betweenrows config-doc` (or -DregenerateDocs=true)");
        for (Setting s : Setting.values()) {
            assertTrue(expected.contains("`" + s.env() + "`"));
        }
    }
}
