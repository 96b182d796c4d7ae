package dev.betweenrows.policy;

/** The kind of a catalog relation. */
public enum TableKind { TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, PARTITIONED_TABLE }
