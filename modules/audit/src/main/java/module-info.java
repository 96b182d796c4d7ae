module dev.betweenrows.audit {
    requires dev.betweenrows.store;
}
