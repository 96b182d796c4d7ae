package dev.betweenrows.store;

/** A discovered column and whether it is allowlisted. {@code ordinal} counts from 1. */
public record CatalogColumnEntry(String name, String pgType, int ordinal, boolean nullable, boolean selected) {
    public CatalogColumnEntry {
        CatalogNames.require(name, "column name");
        CatalogNames.require(pgType, "column type");
        if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1");
    }
}
