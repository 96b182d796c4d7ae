package dev.betweenrows.admin.json;

/**
 * Create or update a data source: {@code {name, ds_type, config:{…}, access_mode, is_active}}. The config
 * fields are also accepted flat at the top level; {@code config} wins when both are given.
 */
public record DataSourceRequest(String name, String dsType, DataSourceConfigInput config, String accessMode, Boolean isActive,
                                String host, Integer port, String database, String username, String password,
                                String sslmode, String caCert, String defaultSchema) {
    @Override
    public String toString() {
        return "DataSourceRequest[name=" + name + "]";
    }
}
