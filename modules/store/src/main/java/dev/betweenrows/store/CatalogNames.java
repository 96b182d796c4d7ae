package dev.betweenrows.store;

/** Checks for catalog names: PostgreSQL identifiers are at most 63 bytes; the store allows 128 characters. */
final class CatalogNames {
    private CatalogNames() {}

    static void require(String value, String what) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException(what + " is required");
        if (value.length() > 128) throw new IllegalArgumentException(what + " longer than 128 characters");
    }
}
