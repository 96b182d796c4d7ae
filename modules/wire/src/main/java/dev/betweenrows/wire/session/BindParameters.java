package dev.betweenrows.wire.session;

import dev.betweenrows.wire.message.Bind;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A Bind's parameter values as a JSON array for the audit (only when parameter auditing is on): text-format
 * values as strings, binary ones as {@code "\\x…"} hex, NULL as null.
 */
final class BindParameters {
    private BindParameters() {}

    static String json(Bind bind) {
        StringBuilder out = new StringBuilder("[");
        List<byte[]> values = bind.parameters();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            byte[] v = values.get(i);
            if (v == null) {
                out.append("null");
            } else if (binary(bind.parameterFormats(), i)) {
                string(out, "\\x" + HexFormat.of().formatHex(v));
            } else {
                string(out, text(v));
            }
        }
        return out.append(']').toString();
    }

    private static boolean binary(List<Integer> formats, int i) {
        if (formats.isEmpty()) return false;
        return (formats.size() == 1 ? formats.get(0) : formats.get(i)) == 1;
    }

    private static String text(byte[] v) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            return "\\x" + HexFormat.of().formatHex(v);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
