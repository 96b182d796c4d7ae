module dev.betweenrows.wire {
    requires dev.betweenrows.policy;
    requires dev.betweenrows.store;
    requires com.ongres.scram.client;
    requires com.ongres.scram.common;
    exports dev.betweenrows.wire;
}
