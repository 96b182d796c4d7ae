package dev.betweenrows.server.startup;

import dev.betweenrows.policy.GuardContext;
import dev.betweenrows.server.config.Setting;
import dev.betweenrows.server.config.Settings;
import dev.betweenrows.wire.ProxyOptions;
import dev.betweenrows.wire.TlsOptions;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/** Data-plane options from the settings. */
final class DataPlaneWiring {
    private DataPlaneWiring() {}

    static ProxyOptions options(Settings settings, Path dataDir) {
        InetSocketAddress addr = settings.address(Setting.PROXY_BIND_ADDR);
        return new ProxyOptions(addr.getHostString(), addr.getPort(), settings.integer(Setting.MAX_CONNECTIONS),
                settings.integer(Setting.MAX_MESSAGE_BYTES), Duration.ofSeconds(settings.integer(Setting.IDLE_TIMEOUT_SECS)),
                GuardContext.SERVER_VERSION, Duration.ofSeconds(60), tls(settings, dataDir))
                .withAuditParameters(settings.require(Setting.AUDIT_PARAMETERS).equals("on"))
                .withVirtualThreads(settings.require(Setting.SESSION_THREADS).equals("virtual"));
    }

    static TlsOptions tls(Settings settings, Path dataDir) {
        if (settings.require(Setting.TLS).equals("off")) {
            return TlsOptions.off();
        }
        String cert = settings.get(Setting.TLS_CERT_FILE).orElse("").strip();
        String key = settings.get(Setting.TLS_KEY_FILE).orElse("").strip();
        if (cert.isEmpty() != key.isEmpty()) {
            throw new StartupException("BR_TLS_CERT_FILE and BR_TLS_KEY_FILE must be set together");
        }
        TlsOptions tls = cert.isEmpty() ? TlsOptions.selfSigned(dataDir) : TlsOptions.fromFiles(Path.of(cert), Path.of(key));
        return tls.withCleartextOverTls(settings.require(Setting.ALLOW_CLEARTEXT_OVER_TLS).equals("true"));
    }
}
