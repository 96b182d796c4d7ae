package dev.betweenrows.store.derby;

import dev.betweenrows.store.AdminAuditRepository;
import dev.betweenrows.store.QueryAuditRepository;
import dev.betweenrows.store.AdminStore;
import dev.betweenrows.store.AssignmentRepository;
import dev.betweenrows.store.AttributeDefinitionRepository;
import dev.betweenrows.store.CatalogRepository;
import dev.betweenrows.store.DataSourceRepository;
import dev.betweenrows.store.MigrationReport;
import dev.betweenrows.store.PolicyRepository;
import dev.betweenrows.store.RoleRepository;
import dev.betweenrows.store.SecretBox;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreOptions;
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
import java.util.function.Consumer;

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
    private final Transactions tx;
    private final UserRepository users;
    private final RoleRepository roles;
    private final AttributeDefinitionRepository attributes;
    private final DataSourceRepository dataSources;
    private final CatalogRepository catalog;
    private final PolicyRepository policies;
    private final AssignmentRepository assignments;
    private final AdminAuditRepository audit;
    private final QueryAuditRepository queryAudit;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DerbyAdminStore(Path dir, FileChannel lockChannel, FileLock lock, DbClient db, MigrationReport report,
                            SecretBox box) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.db = db;
        this.report = report;
        this.tx = new Transactions(db);
        this.users = new DbUserRepository(tx);
        this.roles = new DbRoleRepository(tx);
        this.attributes = new DbAttributeDefinitionRepository(tx);
        this.dataSources = new DbDataSourceRepository(tx, new Secrets(box));
        this.catalog = new DbCatalogRepository(tx);
        this.policies = new DbPolicyRepository(tx);
        this.assignments = new DbAssignmentRepository(tx);
        this.audit = new DbAdminAuditRepository(tx);
        this.queryAudit = new DbQueryAuditRepository(tx.db());
    }

    static DerbyAdminStore open(StoreOptions options) {
        Path storeDir = options.storeDir();
        byte[] key = options.encryptionKey();
        SecretBox box = key == null ? null : SecretBox.aesGcm(key);
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
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
            return new DerbyAdminStore(dir, channel, lock, db, report, box);
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
    public RoleRepository roles() {
        return roles;
    }

    @Override
    public AttributeDefinitionRepository attributes() {
        return attributes;
    }

    @Override
    public DataSourceRepository dataSources() {
        return dataSources;
    }

    @Override
    public CatalogRepository catalog() {
        return catalog;
    }

    @Override
    public PolicyRepository policies() {
        return policies;
    }

    @Override
    public AssignmentRepository assignments() {
        return assignments;
    }

    @Override
    public AdminAuditRepository audit() {
        return audit;
    }

    @Override
    public QueryAuditRepository queryAudit() {
        return queryAudit;
    }

    /** The DB client, for tests of the transaction machinery in this package. */
    DbClient dbForTests() {
        return db;
    }

    @Override
    public long policySetVersion() {
        return tx.policySetVersion();
    }

    @Override
    public Subscription addListener(Consumer<StoreChange> listener) {
        return tx.addListener(listener);
    }

    @Override
    public boolean isHealthy() {
        try {
            return !closed.get() && Rows.count(db.execute(), "VALUES 1") == 1;
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
                return NullBinding.wrap(ds.getConnection());
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
