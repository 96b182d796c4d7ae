package dev.betweenrows.admin.json;

/** A data source's config as the API shows it: never the password, only whether one is set. */
public record DataSourceConfigView(String host, int port, String database, String username, String sslmode, String caCert,
                                   String defaultSchema, boolean passwordSet) {}
