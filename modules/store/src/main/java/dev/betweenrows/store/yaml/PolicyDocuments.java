package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.ImportOutcome;
import dev.betweenrows.store.ImportProblem;
import dev.betweenrows.store.PlannedChange;
import dev.betweenrows.store.PolicyImportException;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.UserRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Export and import of policy documents (behind {@link dev.betweenrows.store.PolicyAsCode}). */
public final class PolicyDocuments {
    private PolicyDocuments() {}

    public static String export(AdminStore store) {
        return DocWriter.write(StoreDoc.read(store));
    }

    public static ImportOutcome importYaml(AdminStore store, String yaml, boolean dryRun, boolean prune, Actor actor,
                                           ExpressionValidator validator) {
        List<ImportProblem> problems = new ArrayList<>();
        Optional<YNode> root = YNode.parse(yaml, problems);
        if (root.isEmpty()) throw new PolicyImportException(problems);
        DocReader.Result read = DocReader.read(root.get(), problems);
        Doc have = StoreDoc.read(store);
        Set<String> usernames = StoreDoc.allUsers(store).stream().map(UserRecord::username).collect(Collectors.toSet());
        ImportPlan.check(read, have, usernames, prune, validator, problems);
        if (!problems.isEmpty()) throw new PolicyImportException(problems);
        List<PlannedChange> plan = ImportPlan.plan(read.doc(), have, prune);
        if (dryRun || plan.isEmpty()) return new ImportOutcome(plan, false);
        try {
            store.atomically(actor, "import_policies", () -> {
                ImportApplier.apply(store, read.doc(), have, prune, actor);
                return null;
            });
        } catch (StoreException | IllegalArgumentException e) {
            throw new PolicyImportException(List.of(new ImportProblem(0, 0,
                    "nothing was imported: applying the plan failed: " + e.getMessage())));
        }
        return new ImportOutcome(plan, true);
    }
}
