package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision.LocalColumn;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Value conversions for locally answered extended-protocol statements: Bind parameters to the text form the guard
 * takes, and text-form answer values to the result format the client asked for. Only the binary forms that are
 * simple and exact are supported; anything else is refused (the caller answers 0A000), never guessed.
 */
final class LocalValues {
    private static final Set<Integer> TEXT_TYPES = Set.of(25, 19, 1043, 1042, 705); // text, name, varchar, bpchar, unknown

    private LocalValues() {}

    /** Thrown for a value or format the proxy cannot convert. */
    static final class Unsupported extends Exception {
        final String sqlState;

        Unsupported(String sqlState, String message) {
            super(message, null, false, false);
            this.sqlState = sqlState;
        }
    }

    /** The Bind's parameters as text ({@code null} = SQL NULL); binary ones decoded by the Parse's declared types. */
    static List<String> parameters(List<Integer> formats, List<byte[]> values, List<Integer> types)
            throws Unsupported {
        if (formats.size() > 1 && formats.size() != values.size()) {
            throw new Unsupported("08P01", "bind message has " + formats.size() + " parameter formats but "
                    + values.size() + " parameters");
        }
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] v = values.get(i);
            int format = formats.isEmpty() ? 0 : formats.get(formats.size() == 1 ? 0 : i);
            int type = i < types.size() ? types.get(i) : 0;
            out.add(v == null ? null : format == 0 ? utf8(v) : binaryParameter(v, type, i + 1));
        }
        return out;
    }

    private static String binaryParameter(byte[] v, int type, int n) throws Unsupported {
        ByteBuffer b = ByteBuffer.wrap(v);
        if (TEXT_TYPES.contains(type)) return utf8(v);
        if (type == 21 && v.length == 2) return Short.toString(b.getShort());
        if (type == 23 && v.length == 4) return Integer.toString(b.getInt());
        if (type == 26 && v.length == 4) return Integer.toUnsignedString(b.getInt());
        if (type == 20 && v.length == 8) return Long.toString(b.getLong());
        if (type == 16 && v.length == 1) return v[0] != 0 ? "t" : "f";
        throw new Unsupported("0A000", "binary format for parameter $" + n + " is not supported by the proxy here");
    }

    private static String utf8(byte[] v) throws Unsupported {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            throw new Unsupported("22021", "invalid byte sequence for encoding \"UTF8\"");
        }
    }

    /**
     * The result format of each column (0 text, 1 binary) from a Bind's result format codes (none = all text,
     * one = for all, else one each); refuses a count that fits neither or a binary form it cannot encode.
     */
    static List<Integer> resultFormats(List<Integer> codes, List<LocalColumn> columns) throws Unsupported {
        if (codes.size() > 1 && codes.size() != columns.size()) {
            throw new Unsupported("08P01", "bind message has " + codes.size() + " result formats but query has "
                    + columns.size() + " columns");
        }
        List<Integer> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int format = codes.isEmpty() ? 0 : codes.get(codes.size() == 1 ? 0 : i);
            if (format != 0 && format != 1) throw new Unsupported("22023", "unsupported format code: " + format);
            if (format == 1 && !binaryEncodable(columns.get(i).typeOid())) {
                throw new Unsupported("0A000", "binary format for result column \"" + columns.get(i).name()
                        + "\" is not supported by the proxy here");
            }
            out.add(format);
        }
        return out;
    }

    private static boolean binaryEncodable(int type) {
        return TEXT_TYPES.contains(type) || Set.of(16, 20, 21, 23, 26, 700, 701).contains(type);
    }

    /** One text-form answer value in the column's format ({@code null} stays SQL NULL). */
    static byte[] encode(String text, int typeOid, int format) {
        if (text == null) return null;
        if (format == 0 || TEXT_TYPES.contains(typeOid)) return text.getBytes(StandardCharsets.UTF_8);
        return switch (typeOid) {
            case 16 -> new byte[] {(byte) (text.equals("t") || text.equalsIgnoreCase("true") ? 1 : 0)};
            case 21 -> ByteBuffer.allocate(2).putShort(Short.parseShort(text)).array();
            case 23 -> ByteBuffer.allocate(4).putInt(Integer.parseInt(text)).array();
            case 26 -> ByteBuffer.allocate(4).putInt((int) Long.parseLong(text)).array();
            case 20 -> ByteBuffer.allocate(8).putLong(Long.parseLong(text)).array();
            case 700 -> ByteBuffer.allocate(4).putFloat(Float.parseFloat(text)).array();
            case 701 -> ByteBuffer.allocate(8).putDouble(Double.parseDouble(text)).array();
            default -> throw new IllegalStateException("not binary-encodable: " + typeOid); // checked at Bind
        };
    }
}
