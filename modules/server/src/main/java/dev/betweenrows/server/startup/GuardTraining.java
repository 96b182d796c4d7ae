package dev.betweenrows.server.startup;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Assignment;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.CatalogSnapshot;
import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.ColumnInfo;
import dev.betweenrows.policy.DataSourceRef;
import dev.betweenrows.policy.EffectivePolicies;
import dev.betweenrows.policy.GuardDecision;
import dev.betweenrows.policy.GuardRequest;
import dev.betweenrows.policy.GuardSession;
import dev.betweenrows.policy.Policy;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Protocol;
import dev.betweenrows.policy.QueryGuard;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.TableRef;
import dev.betweenrows.policy.Target;
import dev.betweenrows.policy.UserContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The workload of the image build's AOT training run ({@code betweenrows train}): statements of new shapes through
 * the guard, against a made-up catalog and policies that exist only in this process. The AOT cache keeps the method
 * profiles of the run, so a freshly started proxy compiles Calcite's parser (some 1,700 lookahead methods, each
 * needing thousands of calls before the JIT optimises it) sooner: its first thousand new statements are parsed about
 * twice as fast. Nothing here is stored or sent anywhere.
 */
public final class GuardTraining {
    private static final DataSourceRef DS = new DataSourceRef("ds-training", "training", AccessMode.OPEN);
    private static final UserContext USER = new UserContext("u-training", "training",
            Map.of("region", new AttributeValue.Text("north")));

    /** Each template gets a new alias or constant per round, so every statement is a new shape (parsed anew). */
    private static final List<IntFunction<String>> SHAPES = List.of(
            i -> "SELECT id, name AS n" + i + " FROM customers WHERE id = " + i,
            i -> "SELECT o.id, o.amount AS a" + i + ", c.name FROM orders o JOIN customers c ON c.id = o.customer_id"
                    + " WHERE o.id = " + i,
            i -> "SELECT customer_id, count(*), sum(amount) AS s" + i + " FROM orders WHERE id BETWEEN " + i
                    + " AND " + i + " + 100 GROUP BY customer_id ORDER BY customer_id",
            i -> "WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '7 days')"
                    + " SELECT status, count(*) AS c" + i + " FROM recent GROUP BY status HAVING count(*) > 1",
            i -> "SELECT name, price, rank() OVER (PARTITION BY category ORDER BY price DESC) AS r" + i
                    + " FROM products WHERE price > " + i + " LIMIT 10",
            i -> "SELECT *, " + i + " AS k" + i + " FROM orders WHERE customer_id IN (SELECT id FROM customers"
                    + " WHERE name LIKE 'a%') AND status IN ('new', 'paid') ORDER BY created_at DESC LIMIT 20",
            i -> "SELECT c.id, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c.id) AS m" + i
                    + " FROM customers c WHERE EXISTS (SELECT 1 FROM orders x WHERE x.customer_id = c.id)",
            i -> "SELECT lower(c.email) AS e" + i + ", coalesce(c.region, 'none'), o.created_at::date"
                    + " FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id = $1",
            i -> "SELECT id AS p" + i + " FROM products UNION ALL SELECT id FROM orders ORDER BY 1 LIMIT 5");

    private GuardTraining() {}

    /** True when {@code dir} does not exist or holds nothing (the training run's throwaway data directory). */
    public static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir)) return true;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Outcome of a run: how many statements were forwarded and how many refused. */
    public record Result(int forwarded, int refused) {}

    /** {@link #run(QueryGuard, int)} with a guard of its own, loaded as the server loads one. */
    public static Result run(int rounds) {
        return run(Server.loadGuard(), rounds);
    }

    /** Runs {@code rounds} rounds of every shape through {@code guard}, plus a refused statement per round. */
    public static Result run(QueryGuard guard, int rounds) {
        GuardSession session = session();
        int forwarded = 0;
        int refused = 0;
        for (int round = 1; round <= rounds; round++) {
            for (IntFunction<String> shape : SHAPES) {
                String sql = shape.apply(round);
                Protocol protocol = sql.contains("$1") ? Protocol.EXTENDED : Protocol.SIMPLE;
                if (guard.check(new GuardRequest(session, protocol, sql, List.of())) instanceof GuardDecision.Forward) {
                    forwarded++;
                } else {
                    refused++;
                }
            }
            // the refusal path: a hidden column, told apart from a missing one by nothing
            if (guard.check(new GuardRequest(session, Protocol.SIMPLE, "SELECT salary AS x" + round + " FROM customers",
                    List.of())) instanceof GuardDecision.Forward) {
                forwarded++;
            } else {
                refused++;
            }
        }
        return new Result(forwarded, refused);
    }

    /** Statements per round that {@link #run} expects to be forwarded (the rest of a round is refused). */
    public static int shapes() {
        return SHAPES.size();
    }

    private static GuardSession session() {
        CatalogSnapshot catalog = new CatalogSnapshot(DS.id(), 1, List.of(
                table("customers", "id:integer", "name", "email", "region", "salary:numeric"),
                table("orders", "id:integer", "customer_id:integer", "amount:numeric(10,2)", "status",
                        "created_at:timestamp with time zone"),
                table("products", "id:integer", "name", "category", "price:numeric")));
        List<Policy> policies = List.of(
                policy("region", PolicyType.ROW_FILTER, "region = {user.region}", "customers"),
                policy("live", PolicyType.ROW_FILTER, "status <> 'deleted'", "orders"),
                policy("email", PolicyType.COLUMN_MASK, "'***'", "customers", "email"),
                policy("salary", PolicyType.COLUMN_DENY, null, "customers", "salary"));
        List<Assignment> assignments = policies.stream()
                .map(p -> new Assignment(p.id(), DS.id(), Scope.ALL, null, 100)).toList();
        EffectivePolicies effective = EffectivePolicies.resolve(USER, Set.of(), DS, assignments, policies,
                List.of(new AttributeDefinition("region", AttributeType.STRING, null, List.of())));
        return new GuardSession(0, USER, DS, effective, catalog);
    }

    private static Policy policy(String name, PolicyType type, String expression, String table, String... columns) {
        return new Policy("training-" + name, name, type,
                List.of(Target.of(List.of("public"), List.of(table), List.of(columns))), expression, true, 1);
    }

    private static CatalogTable table(String name, String... columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (String c : columns) {
            int colon = c.indexOf(':');
            cols.add(colon < 0 ? new ColumnInfo(c, "text") : new ColumnInfo(c.substring(0, colon), c.substring(colon + 1)));
        }
        return new CatalogTable(new TableRef("public", name), "public", TableKind.TABLE, cols);
    }
}
