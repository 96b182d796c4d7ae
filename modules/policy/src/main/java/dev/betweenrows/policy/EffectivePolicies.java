package dev.betweenrows.policy;

import dev.betweenrows.policy.resolve.Resolver;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policies in force for one user on one data source, and what they mean per table. Immutable; build
 * it once per session (and again when the store reports a change) with {@link #resolve}.
 *
 * <p><b>Which policies.</b> Assignments on this data source whose scope reaches the user: {@code all},
 * {@code user} with the user's id, {@code role} with a role in the user's active role closure
 * ({@link RoleGraph#activeRolesOf}). Disabled policies and assignments to unknown policies are ignored.
 * A policy reached through several assignments counts once, with its best assignment: lowest priority,
 * then scope {@code user} before {@code role} before {@code all}.
 *
 * <p><b>Rank.</b> Policies are ordered by (priority, scope, name, id), ascending. Names are unique, so
 * the order is total and deterministic (BetweenRows leaves ties undefined and documents a scope order its
 * code does not implement; we implement the documented one and add the name).
 *
 * <p><b>Per table</b> ({@link #forTable}), in this order:
 * <ol>
 *   <li>a matching {@code table_deny} hides the table, in every access mode;</li>
 *   <li>in {@code policy_required} mode, a table no {@code column_allow} matches is hidden (row filters
 *       and masks never grant; reference §2.8);</li>
 *   <li>visible columns: the catalog columns, restricted to the union of the matching allows' columns if
 *       any allow matches the table (in both modes), minus every column a {@code column_deny} matches
 *       (deny wins over allow and mask). A table left with no visible column is hidden (there is nothing
 *       to query, and hiding avoids an error that would confirm the table exists);</li>
 *   <li>masks: per visible column, the best-ranked matching {@code column_mask}; a mask on a denied
 *       column is irrelevant;</li>
 *   <li>row filters: every matching {@code row_filter}, AND-ed.</li>
 * </ol>
 * Policies apply to every catalog table, including tables named {@code pg_*} (BetweenRows skips filters
 * and masks there; we do not).
 *
 * <p><b>Fail closed.</b> Expressions are bound at {@link #resolve} time. If a filter, or the winning mask
 * of a visible column, of a <em>visible</em> table could not be bound (e.g. its attribute definition was
 * deleted), {@link #forTable} throws {@link BindingException}: the statement must be refused, the
 * policy is never dropped. Hidden tables are decided first, so this never reveals a hidden table.
 */
public interface EffectivePolicies {

    /**
     * Resolves the effective policies.
     *
     * @param user          the user and their attribute values
     * @param activeRoleIds the user's active role closure
     * @param dataSource    the data source (its id selects the assignments, its mode the visibility rule)
     * @param assignments   assignments (any data source; others are ignored)
     * @param policies      policies (latest versions; disabled ones are ignored)
     * @param definitions   all user-attribute definitions
     */
    static EffectivePolicies resolve(UserContext user, Set<String> activeRoleIds, DataSourceRef dataSource,
                                     Collection<Assignment> assignments, Collection<Policy> policies,
                                     Collection<AttributeDefinition> definitions) {
        return Resolver.resolve(user, activeRoleIds, dataSource, assignments, policies, definitions);
    }

    DataSourceRef dataSource();

    /** The effective policies in rank order (for the admin's effective-policies view). */
    List<EffectivePolicy> policies();

    /**
     * What the user may see of a catalog table, or empty when the table is hidden (the caller must then
     * behave exactly as for a missing table).
     *
     * @param table          the table by upstream names
     * @param catalogColumns the table's allowlisted catalog columns, in catalog order
     * @throws BindingException if a policy of this visible table could not be bound (fail closed)
     */
    Optional<TablePolicy> forTable(TableRef table, List<ColumnInfo> catalogColumns);

    /** Whether a {@code table_deny} with {@code tables:["*"]} hides the whole (upstream) schema. */
    boolean isSchemaDenied(String schema);

    /**
     * Hex SHA-256 over everything {@link #forTable} depends on besides the catalog: data source id and
     * mode, and each effective policy's id, version, type, rank and bound expression (or binding error).
     * Users with equal fingerprints get identical {@code forTable} answers, so a rewrite cache may key on
     * it (with the SQL text and the catalog version). It does <em>not</em> cover the user's identity:
     * anything else derived from the session (e.g. {@code current_user}) must not be cached under it.
     */
    String fingerprint();
}
