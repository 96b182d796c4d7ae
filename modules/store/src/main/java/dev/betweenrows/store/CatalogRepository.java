package dev.betweenrows.store;

import dev.betweenrows.policy.CatalogSnapshot;

import java.util.List;

/** The catalog allowlist of each data source. */
public interface CatalogRepository {

    /**
     * Replaces the data source's whole catalog in one transaction (audited with counts, bumps the
     * policy-set version). Duplicate names fail the save and leave the previous catalog in place.
     */
    void save(String dataSourceId, List<CatalogSchemaEntry> schemas, Actor actor);

    /** Everything stored for the data source, selected or not, in name order (columns by ordinal). */
    List<CatalogSchemaEntry> read(String dataSourceId);

    /**
     * The allowlist the data plane uses: selected tables of selected schemas with their selected columns,
     * at the current policy-set version.
     */
    CatalogSnapshot snapshot(String dataSourceId);
}
