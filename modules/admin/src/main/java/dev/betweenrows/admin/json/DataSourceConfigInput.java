package dev.betweenrows.admin.json;

/**
 * The {@code config} object of a data-source request (BetweenRows' shape). Every field may be absent: on
 * update an absent field keeps its value, and an absent or empty {@code password} keeps the stored one.
 */
public record DataSourceConfigInput(String host, Integer port, String database, String username, String password, String sslmode,
                                    String caCert, String defaultSchema) {
    @Override
    public String toString() {
        return "DataSourceConfigInput[host=" + host + ", port=" + port + ", database=" + database + "]";
    }
}
