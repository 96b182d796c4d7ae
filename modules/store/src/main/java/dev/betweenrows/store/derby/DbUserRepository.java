package dev.betweenrows.store.derby;

import dev.betweenrows.store.NewUser;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.UserRecord;
import dev.betweenrows.store.UserRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Users over Helidon DB Client; portable SQL only (the store may later be PostgreSQL). */
final class DbUserRepository implements UserRepository {
    private final DbClient db;

    DbUserRepository(DbClient db) {
        this.db = db;
    }

    @Override
    public long count() {
        return db.execute().get("SELECT COUNT(*) AS n FROM br_user")
                .map(r -> r.column(1).get(Number.class).longValue()).orElse(0L);
    }

    @Override
    public UserRecord create(NewUser user) {
        if (findByUsername(user.username()).isPresent()) {
            throw new StoreException("username already exists: " + user.username());
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        db.execute().insert("INSERT INTO br_user (id, username, password_verifier, is_admin, is_active, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, user.username(), user.passwordVerifier(), user.admin(), true, Timestamp.from(now), Timestamp.from(now));
        return new UserRecord(id, user.username(), user.passwordVerifier(), user.admin(), true, now);
    }

    @Override
    public Optional<UserRecord> findByUsername(String username) {
        return db.execute().get("SELECT id, username, password_verifier, is_admin, is_active, created_at"
                + " FROM br_user WHERE username = ?", username).map(DbUserRepository::toUser);
    }

    private static UserRecord toUser(DbRow r) {
        // by position: Derby upper-cases column labels, PostgreSQL lower-cases them
        return new UserRecord(r.column(1).getString(), r.column(2).getString(), r.column(3).getString(),
                r.column(4).getBoolean(), r.column(5).getBoolean(), r.column(6).get(Timestamp.class).toInstant());
    }
}
