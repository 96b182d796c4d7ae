package dev.betweenrows.store.derby;

import dev.betweenrows.store.StoreException;
import dev.betweenrows.store.StoreLockedException;
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

/**
 * The files of an embedded store: the process lock {@code store.lock} beside the database (so a second
 * process fails with a clear message before Derby is booted), booting and shutting the database down.
 */
final class StoreFiles {
    private StoreFiles() {}

    /** The held process lock; closing releases it. */
    record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            closeQuietly(channel);
        }
    }

    /** Takes {@code store.lock} beside {@code dir}; {@link StoreLockedException} when another process holds it. */
    static Lock lock(Path dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            System.setProperty("derby.stream.error.file", dir.getParent().resolve("derby.log").toString());
            channel = FileChannel.open(dir.resolveSibling("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
            return new Lock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot open the admin store in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Whether {@code dir} holds a Derby database. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("service.properties"));
    }

    static EmbeddedDataSource dataSource(Path dir, boolean create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.toString());
        if (create) ds.setCreateDatabase("create");
        return ds;
    }

    /** Boots the database (one connection), translating Derby's own lock into {@link StoreLockedException}. */
    static void checkBoots(EmbeddedDataSource ds, Path dir) {
        try (Connection c = ds.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            if (isDerbyLock(e)) {
                throw new StoreLockedException("the admin store " + dir + " is in use by another process (Derby lock)");
            }
            throw new StoreException("cannot open the admin store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Shuts the database down so its files can be copied or replaced. */
    static void shutdown(Path dir) {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dir.toString());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby reports a successful shutdown as an exception (08006)
        } catch (SQLException expected) {
            // 08006: database shut down (or it was not booted)
        }
    }

    private static boolean isDerbyLock(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "XSDB6".equals(s.getSQLState())) return true;
            if (t instanceof SQLException s && s.getNextException() != null && isDerbyLock(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: closing a lock file
            }
        }
    }
}
