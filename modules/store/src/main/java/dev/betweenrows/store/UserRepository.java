package dev.betweenrows.store;

import java.util.Optional;

/** Proxy users: the same accounts sign in to the data plane and (when admin) the admin plane. */
public interface UserRepository {

    long count();

    /** Creates a user; fails with {@link StoreException} when the username is taken. */
    UserRecord create(NewUser user);

    Optional<UserRecord> findByUsername(String username);
}
