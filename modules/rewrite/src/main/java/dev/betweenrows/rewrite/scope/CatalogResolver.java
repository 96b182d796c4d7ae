package dev.betweenrows.rewrite.scope;

import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.TablePolicy;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a relation name against the user's visible catalog with the proxy's fixed search path (never the
 * upstream's). A hidden table is indistinguishable from a missing one: the lookup simply goes on, and the final
 * error is PostgreSQL's {@code relation "x" does not exist}.
 *
 * @param catalog        the data source's allowlist
 * @param policies       the user's effective policies
 * @param searchPath     exposed schema names tried in order for unqualified names
 * @param dataSourceName the name a three-part reference may start with
 * @param parameterTypes the type OIDs a Parse message declared for {@code $1, $2, …} (0 or missing: unspecified)
 */
public record CatalogResolver(CatalogSnapshot catalog, EffectivePolicies policies, List<String> searchPath,
                              String dataSourceName, List<Integer> parameterTypes) {
    public CatalogResolver {
        searchPath = List.copyOf(searchPath);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** No declared parameter types (the simple protocol, or a Parse that declared none). */
    public CatalogResolver(CatalogSnapshot catalog, EffectivePolicies policies, List<String> searchPath,
                           String dataSourceName) {
        this(catalog, policies, searchPath, dataSourceName, List.of());
    }

    /** The declared type OID of {@code $n} (1-based), 0 when unspecified. */
    public int parameterType(int n) {
        return n >= 1 && n <= parameterTypes.size() ? parameterTypes.get(n - 1) : 0;
    }

    /** The visible table {@code names} denotes (1–3 parts, already case-folded), or a ResolveException. */
    public ResolvedTable resolve(List<String> names, int offset) {
        Optional<ResolvedTable> found = switch (names.size()) {
            case 1 -> searchPath.stream().map(s -> visible(s, names.get(0), offset))
                    .flatMap(Optional::stream).findFirst();
            case 2 -> visible(names.get(0), names.get(1), offset);
            case 3 -> {
                if (!names.get(0).equals(dataSourceName)) {
                    throw new ResolveException("0A000", "cross-database references are not implemented: "
                            + String.join(".", names), offset, "unknown database qualifier");
                }
                yield visible(names.get(1), names.get(2), offset);
            }
            default -> throw new ResolveException("42601", "improper qualified name (too many dotted names): "
                    + String.join(".", names), offset, "too many dotted names");
        };
        return found.orElseThrow(() -> missing(names, offset));
    }

    public static ResolveException missing(List<String> names, int offset) {
        String name = String.join(".", names);
        return new ResolveException("42P01", "relation \"" + name + "\" does not exist", offset,
                "no visible relation " + name);
    }

    private Optional<ResolvedTable> visible(String schema, String name, int offset) {
        Optional<CatalogTable> table = catalog.find(schema, name);
        if (table.isEmpty()) return Optional.empty();
        try {
            Optional<TablePolicy> policy = policies.forTable(table.get().table(), table.get().columns());
            return policy.map(p -> new ResolvedTable(table.get(), p));
        } catch (BindingException e) {
            // The table is visible (hidden ones are decided first), so naming it reveals nothing.
            throw new ResolveException("42501", "permission denied for table " + name, offset,
                    "policy could not be applied: " + e.getMessage());
        }
    }
}
