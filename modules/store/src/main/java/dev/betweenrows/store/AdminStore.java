package dev.betweenrows.store;
/** Placeholder. */
public interface AdminStore {}
