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
 */
record SessionFacts(String username, int userOid, String database, String version, List<String> searchPath,
                    Map<String, Integer> relationOids, java.util.Set<Integer> visibleOids) {
    SessionFacts {
        searchPath = List.copyOf(searchPath);
        relationOids = Map.copyOf(relationOids);
        visibleOids = java.util.Set.copyOf(visibleOids);
    }
}
