package dev.betweenrows.store.derby;

import dev.betweenrows.store.Actor;
import dev.betweenrows.store.AdminAuditRepository;
import dev.betweenrows.store.QueryAuditRepository;
import dev.betweenrows.store.SessionBindings;
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
import dev.betweenrows.store.UserRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import org.apache.derby.jdbc.EmbeddedDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The embedded store. A file lock beside the database makes a second process on the same data
 * directory fail with a clear message before Derby is even booted; Derby's own lock stays as a
 * second line of defence.
 */
final class DerbyAdminStore implements AdminStore {
    private final Path dir;
    private final StoreFiles.Lock lock;
    private final DbClient db;
    private final EmbeddedDataSource ds;
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
    private final DbQueryAuditRepository queryAudit;
    private final SessionBindings bindings = new StoreSessionBindings(this);
    private final AtomicBoolean closed = new AtomicBoolean();

    private DerbyAdminStore(Path dir, StoreFiles.Lock lock, DbClient db, EmbeddedDataSource ds, MigrationReport report,
                            SecretBox box) {
        this.dir = dir;
        this.lock = lock;
        this.db = db;
        this.ds = ds;
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
        this.queryAudit = new DbQueryAuditRepository(ds);
    }

    static DerbyAdminStore open(StoreOptions options) {
        return open(options, new ModuleMigrationResources());
    }

    /** Opens with the given migrations (tests add a deliberately failing one). */
    static DerbyAdminStore open(StoreOptions options, ModuleMigrationResources migrations) {
        byte[] key = options.encryptionKey();
        SecretBox box = key == null ? null : SecretBox.aesGcm(key);
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
        Path dir = options.storeDir().toAbsolutePath().normalize();
        StoreFiles.Lock lock = StoreFiles.lock(dir);
        try {
            EmbeddedDataSource ds = StoreFiles.dataSource(dir, true);
            StoreFiles.checkBoots(ds, dir);
            MigrationReport report;
            // after start-up the database exists: connections without create=true skip Derby's warning per connection
            EmbeddedDataSource existing = StoreFiles.dataSource(dir, false);
            try {
                report = MigrationProtocol.run(ds, dir, options, migrations);
                LegacyQueryAuditMove.run(existing);
            } catch (RuntimeException e) {
                StoreFiles.shutdown(dir);
                throw e;
            }
            DbClient db = JdbcClientBuilder.create().connectionPool(new DataSourcePool(existing)).build();
            return new DerbyAdminStore(dir, lock, db, existing, report, box);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
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

    @Override
    public SessionBindings bindings() {
        return bindings;
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
    public Path backup(Path targetDir) {
        if (closed.get()) throw new StoreException("the admin store is closed");
        return Backups.backup(ds, targetDir.toAbsolutePath().normalize());
    }

    @Override
    public <T> T atomically(Actor actor, String action, Supplier<T> work) {
        return tx.run(actor, t -> {
            T result = work.get();
            t.audit(action, "store", null, null, null);
            return result;
        });
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
        queryAudit.close();
        db.close();
        StoreFiles.shutdown(dir);
        lock.close();
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
