package dev.betweenrows.policy;

import dev.betweenrows.policy.resolve.TemplateBinder;
import dev.betweenrows.policy.resolve.TemplateScanner;

import java.util.Map;
import java.util.Set;

/**
 * A filter or mask expression with {@code {user.KEY}} placeholders.
 *
 * <p><b>Placeholders.</b> {@code {user.username}}, {@code {user.id}} (built-ins, always win) and
 * {@code {user.KEY}} for a defined attribute key. The text is scanned with a small PostgreSQL-aware
 * scanner: placeholders inside {@code '…'}, {@code E'…'}, {@code $tag$…$tag$} strings, {@code "…"}
 * identifiers and comments are left alone. Any other {@code {} outside those is an error (PostgreSQL has
 * no other use for braces there), as is an unterminated string, identifier or comment.
 *
 * <p><b>Literals.</b> Only literal tokens ever replace a placeholder, never raw text:
 * <ul>
 *   <li>string → {@code 'text'} with {@code '} doubled; text holding a backslash becomes
 *       {@code E'…'} with backslashes doubled, so it reads the same whatever
 *       {@code standard_conforming_strings} is;</li>
 *   <li>integer → digits; a negative number is parenthesised ({@code (-5)}) so {@code -{user.n}} can
 *       never form a {@code --} comment;</li>
 *   <li>boolean → {@code TRUE}/{@code FALSE};</li>
 *   <li>list → right after {@code IN}: {@code ('a', 'b')}; as the sole content of {@code IN ( … )}
 *       (BetweenRows' documented form {@code x IN ({user.depts})}): {@code 'a', 'b'}; anywhere else an
 *       array {@code ARRAY['a', 'b']::text[]} (for {@code = ANY(…)}). An empty list is {@code NULL} in
 *       the IN forms (so {@code x IN (NULL)} matches nothing) and {@code ARRAY[]::text[]} otherwise;</li>
 *   <li>a user without a value → the definition's default, else {@code NULL}
 *       ({@code NULL::text[]} for a list outside IN);</li>
 *   <li>a key that is neither built-in nor defined, or a value whose type differs from the definition
 *       → {@link BindingException} (fail closed).</li>
 * </ul>
 * A space is put between the literal and an adjacent character when needed, so a literal can never fuse
 * with a neighbouring token ({@code e{user.x}} cannot become an {@code E'…'} string, two placeholders in
 * a row cannot become one string).
 *
 * @param text the template text as stored in the policy
 */
public record ExpressionTemplate(String text) {
    public ExpressionTemplate {
        Checks.nonBlank(text, "expression");
    }

    public static ExpressionTemplate of(String text) { return new ExpressionTemplate(text); }

    /**
     * The placeholder keys in the text (built-ins included). Throws {@link BindingException} if the text
     * is malformed — call it at save time to answer 422.
     */
    public Set<String> placeholderKeys() { return TemplateScanner.keys(text); }

    /**
     * The custom attribute keys the text uses (without the built-ins). The admin API uses it to refuse
     * a policy that names an undefined attribute, and to find the policies an attribute deletion breaks.
     */
    public Set<String> referencedAttributes() {
        Set<String> keys = new java.util.TreeSet<>(placeholderKeys());
        keys.removeAll(TemplateBinder.BUILT_INS);
        return java.util.Collections.unmodifiableSet(keys);
    }

    /**
     * Binds the placeholders for a user.
     *
     * @param definitions attribute definitions by key
     * @throws BindingException if the text is malformed, a key is undefined or a value is mistyped
     */
    public BoundExpression bind(UserContext user, Map<String, AttributeDefinition> definitions) {
        return TemplateBinder.bind(text, user, definitions);
    }
}
