/**
 * Admin store: repository interfaces (exported) and their implementation over Helidon DB Client,
 * embedded Derby and Flyway (hidden; bound with {@code provides}).
 */
module dev.betweenrows.store {
    requires transitive dev.betweenrows.policy;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires java.sql;
    requires java.logging;
    requires org.apache.derby.engine;
    requires org.apache.derby.tools;
    requires org.apache.derby.commons;
    requires flyway.core;
    requires com.ongres.scram.common;
    requires jakarta.json;
    requires org.eclipse.parsson;
    requires org.snakeyaml.engine;   // the JSON provider, resolved so jlink and the module path include it

    exports dev.betweenrows.store;

    uses dev.betweenrows.store.StoreProvider;
    uses dev.betweenrows.store.AuditSinkProvider;
    provides dev.betweenrows.store.StoreProvider with dev.betweenrows.store.derby.DerbyStoreProvider;
}
