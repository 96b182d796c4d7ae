package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreLockedException;
import dev.betweenrows.store.UserRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import org.apache.derby.jdbc.EmbeddedDataSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded store. A file lock beside the database makes a second process on the same data
 * directory fail with a clear message before Derby is even booted; Derby's own lock stays as a
 * second line of defence.
 */
final class DerbyAdminStore implements AdminStore {
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DbClient db;
    private final MigrationReport report;
    private final UserRepository users;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DerbyAdminStore(Path dir, FileChannel lockChannel, FileLock lock, DbClient db, MigrationReport report) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.db = db;
        this.report = report;
        this.users = new DbUserRepository(db);
    }

    static DerbyAdminStore open(Path storeDir) {
        Path dir = storeDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            System.setProperty("derby.stream.error.file", dir.getParent().resolve("derby.log").toString());
            channel = FileChannel.open(dir.resolveSibling("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, dir);
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dir.toString());
            ds.setCreateDatabase("create");
            checkBoots(ds, dir);
            MigrationReport report = Migrations.migrate(ds);
            DbClient db = JdbcClientBuilder.create().connectionPool(new DataSourcePool(ds)).build();
            return new DerbyAdminStore(dir, channel, lock, db, report);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot open the admin store in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new StoreLockedException("the admin store " + dir + " is in use by another BetweenRows process;"
                    + " stop it first or start this one with another BR_DATA_DIR");
        }
        return lock;
    }

    private static void checkBoots(EmbeddedDataSource ds, Path dir) {
        try (Connection c = ds.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            if (isDerbyLock(e)) {
                throw new StoreLockedException("the admin store " + dir + " is in use by another process (Derby lock)");
            }
            throw new StoreException("cannot open the admin store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDerbyLock(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "XSDB6".equals(s.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException s && s.getNextException() != null && isDerbyLock(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public MigrationReport migrationReport() {
        return report;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public boolean isHealthy() {
        try {
            return !closed.get() && db.execute().query("VALUES 1").findAny().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        db.close();
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dir.toString());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby reports a successful shutdown as an exception (08006)
        } catch (SQLException expected) {
            // 08006: database shut down
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it anyway
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: closing a lock file
            }
        }
    }

    /** Derby embedded connections are cheap; a connection per unit of work is enough for the admin store. */
    private record DataSourcePool(EmbeddedDataSource ds) implements JdbcConnectionPool {
        @Override
        public Connection connection() {
            try {
                return ds.getConnection();
            } catch (SQLException e) {
                throw new StoreException("admin store connection failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String dbType() {
            return "derby";
        }
    }
}
