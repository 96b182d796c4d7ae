package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shared checks and byte-array handling for the message records. Records that hold byte arrays take
 * ownership of them (no copy on the hot path; callers must not mutate them afterwards), compare them by
 * content, and never print them: values can be secrets or row data.
 */
final class Records {
    private Records() {}

    /** An unmodifiable copy that keeps null elements (SQL NULL values). */
    static List<byte[]> nullableCopy(List<byte[]> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    static List<Integer> int16s(String what, List<Integer> values) {
        List<Integer> copy = List.copyOf(values);
        copy.forEach(v -> int16(what, v));
        return copy;
    }

    static int int16(String what, int v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException(what + " does not fit in int16: " + v);
        }
        return v;
    }

    static void count(String what, int n) {
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("too many " + what + ": " + n);
        }
    }

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hash(List<byte[]> values) {
        int h = 1;
        for (byte[] v : values) {
            h = 31 * h + Arrays.hashCode(v);
        }
        return h;
    }

    /** Shape only ("3 values"), never content. */
    static String describe(List<byte[]> values) {
        return values.size() + " values";
    }

    static String describe(byte[] value) {
        return value == null ? "null" : value.length + " bytes";
    }

    static void writeInt16s(WireOutput out, List<Integer> values) {
        out.int16(values.size());
        values.forEach(out::int16);
    }

    static List<Integer> readInt16s(WireInput in) {
        int n = in.uint16();
        Integer[] values = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.int16();
        }
        return List.of(values);
    }

    static void writeInt32s(WireOutput out, List<Integer> values) {
        out.int16(values.size());
        values.forEach(out::int32);
    }

    static List<Integer> readInt32s(WireInput in) {
        int n = in.uint16();
        Integer[] values = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.int32();
        }
        return List.of(values);
    }

    /** Int32 length (-1 = NULL) followed by the bytes, as in Bind, DataRow and FunctionCall. */
    static void writeValues(WireOutput out, List<byte[]> values) {
        out.int16(values.size());
        for (byte[] v : values) {
            if (v == null) {
                out.int32(-1);
            } else {
                out.int32(v.length).bytes(v);
            }
        }
    }

    static List<byte[]> readValues(WireInput in) {
        int n = in.uint16();
        List<byte[]> values = new ArrayList<>(Math.min(n, in.remaining() / 4 + 1));
        for (int i = 0; i < n; i++) {
            values.add(readValue(in));
        }
        return Collections.unmodifiableList(values);
    }

    static byte[] readValue(WireInput in) {
        int len = in.int32();
        return len == -1 ? null : in.bytes(len);
    }
}
