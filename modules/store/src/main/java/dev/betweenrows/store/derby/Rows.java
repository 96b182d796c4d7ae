package dev.betweenrows.store.derby;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Row access by position (Derby upper-cases column labels, PostgreSQL lower-cases them) and small SQL
 * helpers shared by the repositories.
 */
final class Rows {
    /** subject_id of a grant or assignment with scope {@code all}: a NOT NULL sentinel keeps unique constraints working. */
    static final String ALL_SUBJECTS = "*";

    private Rows() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static <T> List<T> list(DbExecute ex, Function<DbRow, T> map, String sql, Object... params) {
        try (Stream<DbRow> rows = ex.query(sql, params)) {
            return rows.map(map).toList();
        }
    }

    static <T> Optional<T> one(DbExecute ex, Function<DbRow, T> map, String sql, Object... params) {
        List<T> found = list(ex, map, sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    static long count(DbExecute ex, String sql, Object... params) {
        return one(ex, r -> num(r, 1), sql, params).orElse(0L);
    }

    static Object raw(DbRow r, int i) {
        return r.column(i).get(Object.class);
    }

    static String str(DbRow r, int i) {
        Object v = raw(r, i);
        return v == null ? null : v.toString();
    }

    static boolean bool(DbRow r, int i) {
        Object v = raw(r, i);
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    static long num(DbRow r, int i) {
        Object v = raw(r, i);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static Instant time(DbRow r, int i) {
        Object v = raw(r, i);
        return v == null ? null : ((Timestamp) v).toInstant();
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards escaped (use with {@code ESCAPE '\'}). */
    static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The portable paging clause (SQL:2008, Derby and PostgreSQL). */
    static String page(long offset, int size) {
        return " OFFSET " + offset + " ROWS FETCH NEXT " + size + " ROWS ONLY";
    }

    static String subject(String scopeId) {
        return scopeId == null ? ALL_SUBJECTS : scopeId;
    }

    static String scopeId(String subject) {
        return ALL_SUBJECTS.equals(subject) ? null : subject;
    }
}
