/** Admin store: repository interfaces (exported) and their Derby/Flyway implementation (hidden). */
module dev.betweenrows.store {
    requires transitive dev.betweenrows.policy;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires java.sql;
    requires org.apache.derby.engine;
    requires org.apache.derby.tools;
    requires org.apache.derby.commons;
    requires flyway.core;
    requires com.ongres.scram.common;

    exports dev.betweenrows.store;
}
