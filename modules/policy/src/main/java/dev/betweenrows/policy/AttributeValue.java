package dev.betweenrows.policy;

import java.util.List;

/**
 * A typed user-attribute value. Limits are BetweenRows': strings up to {@value #MAX_STRING} characters,
 * lists up to {@value #MAX_LIST} strings of that length. A NUL character is refused (PostgreSQL text
 * cannot hold it).
 */
public sealed interface AttributeValue {
    int MAX_STRING = 1024;
    int MAX_LIST = 100;

    AttributeType type();

    /** The value as its JSON scalar string ({@code "3"}, {@code "true"}) — lists give their elements. */
    List<String> texts();

    record Text(String value) implements AttributeValue {
        public Text { checkString(value); }
        public AttributeType type() { return AttributeType.STRING; }
        public List<String> texts() { return List.of(value); }
    }

    record Int(long value) implements AttributeValue {
        public AttributeType type() { return AttributeType.INTEGER; }
        public List<String> texts() { return List.of(Long.toString(value)); }
    }

    record Bool(boolean value) implements AttributeValue {
        public AttributeType type() { return AttributeType.BOOLEAN; }
        public List<String> texts() { return List.of(Boolean.toString(value)); }
    }

    record Strings(List<String> values) implements AttributeValue {
        public Strings {
            values = Checks.list(values, "values");
            if (values.size() > MAX_LIST) throw new IllegalArgumentException("list longer than " + MAX_LIST);
            values.forEach(AttributeValue::checkString);
        }
        public AttributeType type() { return AttributeType.LIST; }
        public List<String> texts() { return values; }
    }

    /**
     * Parses BetweenRows' scalar JSON-string form: {@code "3"} for integer, {@code "true"/"false"} for
     * boolean, the text itself for string. Lists are not scalars: build {@link Strings} from the JSON array.
     */
    static AttributeValue parseScalar(AttributeType type, String text) {
        Checks.required(text, "value");
        return switch (type) {
            case STRING -> new Text(text);
            case INTEGER -> {
                try {
                    yield new Int(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an integer: " + text);
                }
            }
            case BOOLEAN -> switch (text) {
                case "true" -> new Bool(true);
                case "false" -> new Bool(false);
                default -> throw new IllegalArgumentException("boolean must be \"true\" or \"false\"");
            };
            case LIST -> throw new IllegalArgumentException("a list value must be a JSON array of strings");
        };
    }

    private static void checkString(String s) {
        Checks.required(s, "value");
        if (s.length() > MAX_STRING) throw new IllegalArgumentException("string longer than " + MAX_STRING);
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("string contains a NUL character");
    }
}
