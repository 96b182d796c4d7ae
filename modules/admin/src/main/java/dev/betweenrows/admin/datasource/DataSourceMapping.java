package dev.betweenrows.admin.datasource;

import dev.betweenrows.admin.json.DataSourceConfigInput;
import dev.betweenrows.admin.json.DataSourceConfigView;
import dev.betweenrows.admin.json.DataSourceDto;
import dev.betweenrows.admin.json.DataSourceRequest;
import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.TlsMode;

/** Data-source JSON ↔ store settings: BetweenRows' nested {@code config} or flat fields, merged over the stored values. */
final class DataSourceMapping {
    static final int DEFAULT_PORT = 5432;
    /** Host names and IP literals only: no '/', '?' or '&' that could smuggle driver options into the URL. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.%]+\\]|[0-9A-Fa-f:.]+");

    private DataSourceMapping() {}

    /** The settings a create ({@code existing == null}) or update asks for; invalid values are 422s. */
    static DataSourceSettings settings(DataSourceRequest r, DataSourceRecord existing) {
        if (r.dsType() != null && !DataSourceSettings.TYPE.equals(r.dsType()))
            throw new IllegalArgumentException("unsupported ds_type: " + r.dsType() + " (only postgres)");
        DataSourceConfigInput c = r.config() == null
                ? new DataSourceConfigInput(null, null, null, null, null, null, null, null) : r.config();
        DataSourceSettings old = existing == null ? null : existing.settings();
        String sslmode = pick(c.sslmode(), r.sslmode(), old == null ? null : old.tlsMode().jsonName());
        String accessMode = pick(r.accessMode(), null, old == null ? null : old.accessMode().jsonName());
        Integer port = pick(c.port(), r.port(), old == null ? Integer.valueOf(DEFAULT_PORT) : Integer.valueOf(old.port()));
        String host = pick(c.host(), r.host(), old == null ? null : old.host());
        if (host != null && !host.isBlank() && !HOST.matcher(host).matches())
            throw new IllegalArgumentException("host must be a host name or an IP address");
        return new DataSourceSettings(
                pick(r.name(), null, old == null ? null : old.name()),
                host,
                port,
                pick(c.database(), r.database(), old == null ? null : old.database()),
                pick(c.username(), r.username(), old == null ? null : old.username()),
                sslmode == null ? TlsMode.REQUIRE : TlsMode.fromJson(sslmode),
                emptyToNull(pick(c.caCert(), r.caCert(), old == null ? null : old.caCert())),
                accessMode == null ? AccessMode.DEFAULT : AccessMode.fromJson(accessMode),
                r.isActive() != null ? r.isActive() : old == null || old.active(),
                emptyToNull(pick(c.defaultSchema(), r.defaultSchema(), old == null ? null : old.defaultSchema())));
    }

    /** The new password, or {@code null} to keep the stored one (absent or empty, as BetweenRows). */
    static char[] password(DataSourceRequest r) {
        String p = r.config() != null && r.config().password() != null ? r.config().password() : r.password();
        return p == null || p.isEmpty() ? null : p.toCharArray();
    }

    static DataSourceDto dto(DataSourceRecord d) {
        DataSourceSettings s = d.settings();
        return new DataSourceDto(d.id(), s.name(), d.type(),
                new DataSourceConfigView(s.host(), s.port(), s.database(), s.username(), s.tlsMode().jsonName(),
                        s.caCert(), s.defaultSchema(), d.hasPassword()),
                s.accessMode().jsonName(), s.active(), d.createdAt(), d.updatedAt());
    }

    private static <T> T pick(T first, T second, T fallback) {
        return first != null ? first : second != null ? second : fallback;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
