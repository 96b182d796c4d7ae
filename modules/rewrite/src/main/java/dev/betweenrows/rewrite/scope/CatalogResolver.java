package dev.betweenrows.rewrite.scope;

import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.TablePolicy;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * @param uncopyableParameters the numbers {@code n} of the {@code $n} whose declared type (from a Parse message)
 *                             rules out copying a comparison with them inside a fence ({@link #uncopyable})
 */
public record CatalogResolver(CatalogSnapshot catalog, EffectivePolicies policies, List<String> searchPath,
                              String dataSourceName, Set<Integer> uncopyableParameters) {
    /**
     * Declared parameter types a comparison copied inside a fence may have: unspecified (0: PostgreSQL takes the
     * column's type), int2, int4, int8, float4, float8, text, varchar, bpchar, name, bool, uuid, bytea. Not
     * {@code oid} or the {@code reg*} types, to which a {@code bigint} column would be cast, failing out of range.
     */
    private static final Set<Integer> COPYABLE_DECLARED = Set.of(0, 21, 23, 20, 700, 701, 25, 1043, 1042, 19, 16, 2950, 17);

    public CatalogResolver {
        searchPath = List.copyOf(searchPath);
        uncopyableParameters = Set.copyOf(uncopyableParameters);
    }

    /** No declared parameter types (the simple protocol, or a Parse that declared none). */
    public CatalogResolver(CatalogSnapshot catalog, EffectivePolicies policies, List<String> searchPath,
                           String dataSourceName) {
        this(catalog, policies, searchPath, dataSourceName, Set.of());
    }

    /**
     * The numbers of the parameters {@code tokens} use whose declared type is not copyable: only these can make a
     * rewrite differ between declared types, so they (not the whole list a Parse may declare) key the cache.
     */
    public static SortedSet<Integer> uncopyable(List<Token> tokens, List<Integer> declaredTypes) {
        SortedSet<Integer> out = new TreeSet<>();
        if (declaredTypes.isEmpty()) return out;
        for (Token t : tokens) {
            if (!t.is(TokenType.PARAMETER)) continue;
            int n = parameterNumber(t);
            int type = n >= 1 && n <= declaredTypes.size() ? declaredTypes.get(n - 1) : 0;
            if (n < 1 || !COPYABLE_DECLARED.contains(type)) out.add(n);
        }
        return out;
    }

    /** {@code $n}'s number ({@code $01} is 1, as PostgreSQL reads it), or -1. */
    public static int parameterNumber(Token parameter) {
        try {
            return Integer.parseInt(parameter.value());
        } catch (NumberFormatException e) {
            return -1;
        }
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
