package dev.betweenrows.admin.policy;

import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.BindingException;
import dev.betweenrows.policy.BoundExpression;
import dev.betweenrows.policy.ExpressionTemplate;
import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.policy.UserContext;
import dev.betweenrows.store.AttributeDefinitionRecord;
import dev.betweenrows.store.AttributeDefinitionRepository;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Save-time checks of a filter or mask expression: placeholders well-formed, every {@code {user.KEY}} a
 * defined attribute, and — bound with a sample user (defaults, else NULL) — one valid SQL expression
 * according to the {@link ExpressionValidator} the rewrite module provides.
 */
public final class ExpressionChecks {
    private static final Logger LOG = Logger.getLogger(ExpressionChecks.class.getName());
    private static final UserContext SAMPLE_USER = new UserContext("00000000-0000-0000-0000-000000000000",
            "validation-user", Map.of());

    private final AttributeDefinitionRepository attributes;
    private final Optional<ExpressionValidator> validator;

    public ExpressionChecks(AttributeDefinitionRepository attributes, Optional<ExpressionValidator> validator) {
        this.attributes = attributes;
        this.validator = validator;
        if (validator.isEmpty()) LOG.warning("no ExpressionValidator found: policy expressions get placeholder checks only");
    }

    /** With the validator found through {@link ServiceLoader} (the rewrite module's Calcite one). */
    public static ExpressionChecks loaded(AttributeDefinitionRepository attributes) {
        return new ExpressionChecks(attributes, ServiceLoader.load(ExpressionValidator.class).findFirst());
    }

    /** Why the expression is not acceptable, or empty. */
    public Optional<String> problem(String expression, boolean isMask) {
        if (expression == null || expression.isBlank()) return Optional.of("expression is required");
        try {
            ExpressionTemplate template = ExpressionTemplate.of(expression);
            Map<String, AttributeDefinition> definitions = attributes.list().stream()
                    .map(AttributeDefinitionRecord::definition)
                    .collect(Collectors.toMap(AttributeDefinition::key, Function.identity(), (a, b) -> a));
            Set<String> undefined = new TreeSet<>(template.referencedAttributes());
            undefined.removeAll(definitions.keySet());
            if (!undefined.isEmpty()) return Optional.of("undefined attribute: {user." + undefined.iterator().next() + "}");
            BoundExpression bound = template.bind(SAMPLE_USER, definitions);
            return validator.flatMap(v -> v.problem(bound.sql(), isMask));
        } catch (BindingException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
