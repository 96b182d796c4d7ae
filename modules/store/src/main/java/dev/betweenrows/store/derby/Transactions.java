package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs audited units of work: commit only when the work wrote an audit row, bump the policy-set
 * version inside the same transaction, and tell listeners after the commit.
 */
final class Transactions {
    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());
    private final DbClient db;
    private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();
    /** The unit of work open on this thread: nested {@link #run} calls join it (see {@link AdminStore#atomically}). */
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    Transactions(DbClient db) {
        this.db = db;
    }

    DbClient db() {
        return db;
    }

    /**
     * Reads join the unit of work open on this thread, so they see its uncommitted rows and do not wait
     * for its locks; otherwise they run on their own connection.
     */
    io.helidon.dbclient.DbExecute reader() {
        Tx open = current.get();
        return open != null ? open.db : db.execute();
    }

    <T> T run(Actor actor, Function<Tx, T> work) {
        Objects.requireNonNull(actor, "actor");
        Tx open = current.get();
        if (open != null) {
            try {
                return work.apply(open);   // the outer unit commits or rolls back
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
        DbTransaction t = db.transaction();
        Tx tx = new Tx(t, actor);
        List<StoreChange> changes = new ArrayList<>();
        T result;
        current.set(tx);
        try {
            result = work.apply(tx);
            if (!tx.wasAudited()) {
                throw new IllegalStateException("a store change must write an admin audit row");
            }
            if (tx.isPolicySetChanged()) {
                changes.add(new StoreChange.PolicySetChanged(bump(t)));
            }
            t.commit();
        } catch (RuntimeException e) {
            rollbackQuietly(t);
            throw translate(e);
        } finally {
            current.remove();
        }
        changes.addAll(tx.changes());
        changes.forEach(this::fire);
        return result;
    }

    long policySetVersion() {
        return Rows.count(db.execute(), "SELECT meta_value FROM br_store_meta WHERE meta_key = 'policy_set_version'");
    }

    AdminStore.Subscription addListener(Consumer<StoreChange> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static long bump(DbTransaction t) {
        t.update("UPDATE br_store_meta SET meta_value = meta_value + 1 WHERE meta_key = 'policy_set_version'");
        return Rows.count(t, "SELECT meta_value FROM br_store_meta WHERE meta_key = 'policy_set_version'");
    }

    private void fire(StoreChange change) {
        for (Consumer<StoreChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "store listener failed on " + change.getClass().getSimpleName(), e);
            }
        }
    }

    private static void rollbackQuietly(DbTransaction t) {
        try {
            t.rollback();
        } catch (RuntimeException ignored) {
            // already rolled back by the client after the failing statement
        }
    }

    /** Unique-constraint violations become conflicts; store and argument errors pass unchanged. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreException || e instanceof IllegalArgumentException) {
            return e;
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("23505")) {
            return new StoreConflictException("already exists (unique constraint)");
        }
        if (state != null && state.startsWith("23503")) {
            return new StoreConflictException("refers to something that does not exist");
        }
        return new StoreException("admin store operation failed: " + e.getMessage(), e);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && n.getSQLState().startsWith("23")) {
                        return n.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
