/** Query audit: journaled, batched writer into the admin store. Exports nothing; provides the store's sink. */
module dev.betweenrows.audit {
    requires dev.betweenrows.store;
    requires jakarta.json;
    requires java.logging;

    provides dev.betweenrows.store.AuditSinkProvider with dev.betweenrows.audit.JournaledAuditSinkProvider;
}
