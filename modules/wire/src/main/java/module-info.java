/**
 * PostgreSQL v3 protocol front end and upstream client. Exports only the ProxyServer entry point (with
 * its options and the data-source resolver hook); its signatures use policy and store types, hence
 * {@code requires transitive}.
 */
module dev.betweenrows.wire {
    requires transitive dev.betweenrows.policy;
    requires transitive dev.betweenrows.store;
    requires com.ongres.scram.client;
    requires com.ongres.scram.common;
    requires java.logging;
    requires org.bouncycastle.pkix; // self-signed certificate generation only
    requires org.bouncycastle.provider;
    exports dev.betweenrows.wire;
}
