package dev.betweenrows.rewrite.lex;

import java.util.List;
import java.util.OptionalLong;

/**
 * PostgreSQL's folding of decimal integer literals joined by {@code + - *} without parentheses, as it does while
 * planning: a literal is {@code integer} if it fits, else {@code bigint} (a larger one is {@code numeric}: not
 * folded here); a minus sign right before a literal is part of the constant (so {@code -2147483648} is an
 * {@code integer}); a binary operator works in the wider of its operands' types and fails on overflow (22003).
 * Unary minus binds tighter than {@code *}, which binds tighter than binary {@code + -}, all left-associative.
 */
public final class IntegerArithmetic {
    private IntegerArithmetic() {}

    /** A literal or one of the three operators. */
    public static boolean isPart(Token t) {
        return t.is(TokenType.INTEGER) || isOperator(t);
    }

    public static boolean isOperator(Token t) {
        return t.is(TokenType.OPERATOR) && (t.text().equals("+") || t.text().equals("-") || t.text().equals("*"));
    }

    /**
     * The value of the expression the texts spell (each a literal's digits or an operator), or empty when folding
     * it fails, or it is no such expression.
     */
    public static OptionalLong fold(List<String> texts) {
        Folder f = new Folder(texts);
        Value v = f.sum();
        return v == null || f.at != texts.size() ? OptionalLong.empty() : OptionalLong.of(v.value);
    }

    /** A folded value: its type ({@code bigint} or {@code integer}) and whether it is still a plain constant. */
    private record Value(long value, boolean bigint, boolean constant) {
        static Value constant(long v) {
            return new Value(v, v != (int) v, true);
        }
    }

    private static final class Folder {
        private final List<String> texts;
        private int at;

        Folder(List<String> texts) {
            this.texts = texts;
        }

        Value sum() {
            Value left = product();
            while (left != null && (peek("+") || peek("-"))) {
                String op = texts.get(at++);
                left = binary(left, op, product());
            }
            return left;
        }

        Value product() {
            Value left = unary();
            while (left != null && peek("*")) {
                at++;
                left = binary(left, "*", unary());
            }
            return left;
        }

        Value unary() {
            if (at >= texts.size()) return null;
            String t = texts.get(at++);
            if (t.equals("-") || t.equals("+")) {
                Value operand = unary();
                if (operand == null) return null;
                if (t.equals("+")) return new Value(operand.value, operand.bigint, false);
                if (operand.constant) {   // the parser negates the constant itself, then types it
                    return operand.value == Long.MIN_VALUE ? null : Value.constant(-operand.value);
                }
                return binary(new Value(0, operand.bigint, false), "-", operand);   // the negation operator
            }
            if (t.isEmpty()) return null;
            for (int k = 0; k < t.length(); k++) {
                if (t.charAt(k) < '0' || t.charAt(k) > '9') return null;
            }
            try {
                return Value.constant(Long.parseLong(t));
            } catch (NumberFormatException numeric) {
                return null;
            }
        }

        private boolean peek(String op) {
            return at < texts.size() && texts.get(at).equals(op);
        }

        private static Value binary(Value a, String op, Value b) {
            if (b == null) return null;
            boolean bigint = a.bigint || b.bigint;
            long r;
            try {
                r = switch (op) {
                    case "+" -> Math.addExact(a.value, b.value);
                    case "-" -> Math.subtractExact(a.value, b.value);
                    default -> Math.multiplyExact(a.value, b.value);
                };
            } catch (ArithmeticException overflow) {
                return null;
            }
            if (!bigint && r != (int) r) return null;
            return new Value(r, bigint, false);
        }
    }
}
