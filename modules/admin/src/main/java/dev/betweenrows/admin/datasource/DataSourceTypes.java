package dev.betweenrows.admin.datasource;

import dev.betweenrows.admin.json.DataSourceType;
import dev.betweenrows.admin.json.DataSourceTypeField;

import java.util.List;

/** The data-source type registry: only PostgreSQL, with BetweenRows' fields plus the CA certificate and default schema. */
final class DataSourceTypes {
    static final List<DataSourceType> ALL = List.of(new DataSourceType("postgres", "PostgreSQL", List.of(
            new DataSourceTypeField("host", "Host", "text", true, false, null, List.of()),
            new DataSourceTypeField("port", "Port", "number", false, false, "5432", List.of()),
            new DataSourceTypeField("database", "Database", "text", true, false, null, List.of()),
            new DataSourceTypeField("username", "Username", "text", true, false, null, List.of()),
            new DataSourceTypeField("password", "Password", "password", false, true, null, List.of()),
            new DataSourceTypeField("sslmode", "TLS mode", "select", false, false, "require",
                    List.of("disable", "prefer", "require", "verify-ca", "verify-full")),
            new DataSourceTypeField("ca_cert", "CA certificate (PEM, for verify-ca/verify-full)", "textarea", false,
                    false, null, List.of()),
            new DataSourceTypeField("default_schema", "Default schema", "text", false, false, null, List.of()))));

    private DataSourceTypes() {}
}
