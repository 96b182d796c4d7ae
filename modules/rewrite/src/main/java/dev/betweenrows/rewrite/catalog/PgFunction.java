package dev.betweenrows.rewrite.catalog;

import java.util.function.BiFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL function the emulated catalog implements in Java. Arguments arrive as Calcite's Java values
 * (Integer, String, Boolean, List …); SQL NULL as null.
 *
 * @param name       the unqualified name (a {@code pg_catalog.} qualifier is stripped before parsing)
 * @param minArgs    fewest arguments
 * @param maxArgs    most arguments
 * @param returns    the result type
 * @param elementType the element type when {@code returns} is {@link SqlTypeName#ARRAY}
 * @param body       computes the value from the session's facts and the arguments
 */
record PgFunction(String name, int minArgs, int maxArgs, SqlTypeName returns, SqlTypeName elementType,
                  BiFunction<SessionFacts, Object[], Object> body) {
    /** A function whose array results (if any) hold VARCHAR elements. */
    PgFunction(String name, int minArgs, int maxArgs, SqlTypeName returns,
               BiFunction<SessionFacts, Object[], Object> body) {
        this(name, minArgs, maxArgs, returns, SqlTypeName.VARCHAR, body);
    }
}
