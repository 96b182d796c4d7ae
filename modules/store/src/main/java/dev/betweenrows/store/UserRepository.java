package dev.betweenrows.store;

import dev.betweenrows.policy.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Proxy users: the same accounts sign in to the data plane and (when admin) the admin plane.
 * Mutating methods write the admin audit in the same transaction; verifiers never reach the audit.
 */
public interface UserRepository {

    long count();

    /** Creates a user as {@link Actor#SYSTEM}; fails with {@link StoreConflictException} when the username is taken. */
    default UserRecord create(NewUser user) {
        return create(user, Actor.SYSTEM);
    }

    UserRecord create(NewUser user, Actor actor);

    Optional<UserRecord> findByUsername(String username);

    Optional<UserRecord> findById(String id);

    /** Users ordered by username; {@code search} (nullable) matches a part of username, email or display name, ignoring case. */
    Page<UserRecord> list(String search, PageRequest page);

    /** Number of active admins (the admin API keeps at least one). */
    long countActiveAdmins();

    /** Replaces email, display name, admin and active; deactivation notifies {@link StoreChange.UserDeactivated}. */
    UserRecord update(String id, UserProfile profile, Actor actor);

    /** Replaces the SCRAM verifier (the audit records only that the password changed). */
    void setPasswordVerifier(String id, String passwordVerifier, Actor actor);

    /** Records a successful sign-in (not audited here: the admin module audits logins). */
    void recordLogin(String id, Instant at);

    /** Deletes the user with memberships, attributes, user-scoped grants and assignments. */
    void delete(String id, Actor actor);

    /** The user's attribute values by key. */
    Map<String, AttributeValue> attributes(String id);

    /**
     * Replaces the user's whole attribute map (BetweenRows' PUT semantics). Every key must be defined
     * and every value must fit its definition, else {@link IllegalArgumentException}.
     */
    void setAttributes(String id, Map<String, AttributeValue> values, Actor actor);
}
