package dev.betweenrows.store;

import dev.betweenrows.policy.AccessGrant;

import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL data sources and their connect grants. Passwords are sealed with {@link SecretBox} under
 * the store key with the data source id as associated data; a store opened without a key refuses to
 * store or reveal them.
 */
public interface DataSourceRepository {

    /** Creates a data source; {@code password} may be {@code null} (none). Names are unique. */
    DataSourceRecord create(DataSourceSettings settings, char[] password, Actor actor);

    Optional<DataSourceRecord> findById(String id);

    Optional<DataSourceRecord> findByName(String name);

    /** All data sources ordered by name. */
    List<DataSourceRecord> list();

    /**
     * Replaces the settings. {@code newPassword}: {@code null} keeps the stored one, an empty array
     * removes it, anything else replaces it.
     */
    DataSourceRecord update(String id, DataSourceSettings settings, char[] newPassword, Actor actor);

    /** Deletes the data source with its grants, catalog and assignments. */
    void delete(String id, Actor actor);

    /** The upstream password, for the data plane and discovery only; empty when none is set. */
    Optional<char[]> revealPassword(String id);

    /** Adds a connect grant; role grants need an active role. Duplicates are a {@link StoreConflictException}. */
    void grant(AccessGrant grant, Actor actor);

    /** Removes a connect grant ({@link StoreNotFoundException} when absent) and notifies {@link StoreChange.AccessRevoked}. */
    void revoke(AccessGrant grant, Actor actor);

    List<AccessGrant> grants(String dataSourceId);

    /** Every grant of every data source. */
    List<AccessGrant> allGrants();
}
