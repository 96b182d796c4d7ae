package dev.betweenrows.rewrite.catalog;

import java.util.List;
import java.util.Map;

/**
 * What catalog functions may know about the session: its user, database, search path and the OIDs of the
 * visible relations (for regclass casts and {@code pg_table_is_visible}).
 *
 * @param username    the BetweenRows user
 * @param userOid     the user's emulated role OID
 * @param database    the data source name (the database clients see)
 * @param version     what {@code version()} answers
 * @param searchPath  the schemas unqualified names resolve in
 * @param relationOids every relation the session may see, by {@code schema.name} and by bare name on the path
 * @param visibleOids the OIDs {@code pg_table_is_visible} is true for
 * @param keys        definitions of the visible keys ({@code pg_get_constraintdef}, {@code pg_get_indexdef})
 */
record SessionFacts(String username, int userOid, String database, String version, List<String> searchPath,
                    Map<String, Integer> relationOids, java.util.Set<Integer> visibleOids, KeyDefinitions keys) {
    SessionFacts {
        searchPath = List.copyOf(searchPath);
        relationOids = Map.copyOf(relationOids);
        visibleOids = java.util.Set.copyOf(visibleOids);
        if (keys == null) keys = KeyDefinitions.NONE;
    }

    SessionFacts(String username, int userOid, String database, String version, List<String> searchPath,
                 Map<String, Integer> relationOids, java.util.Set<Integer> visibleOids) {
        this(username, userOid, database, version, searchPath, relationOids, visibleOids, KeyDefinitions.NONE);
    }
}
