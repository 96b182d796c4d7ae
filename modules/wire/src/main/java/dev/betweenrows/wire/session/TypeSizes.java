package dev.betweenrows.wire.session;

/** pg_type.typlen for the type OIDs the proxy describes in locally answered rows (-1 = variable). */
final class TypeSizes {
    private TypeSizes() {}

    static int of(int typeOid) {
        return switch (typeOid) {
            case 16, 18 -> 1;   // bool, "char"
            case 21 -> 2;       // int2
            case 23, 26, 700, 1082 -> 4; // int4, oid, float4, date
            case 20, 701, 1083, 1114, 1184 -> 8; // int8, float8, time, timestamp, timestamptz
            case 1266 -> 12;    // timetz
            case 1186, 2950 -> 16; // interval, uuid
            case 19 -> 64;      // name
            default -> -1;
        };
    }
}
