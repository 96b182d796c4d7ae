package dev.betweenrows.store.derby;

import dev.betweenrows.policy.AccessGrant;
import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.store.Actor;
import dev.betweenrows.store.DataSourceRecord;
import dev.betweenrows.store.DataSourceRepository;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.StoreChange;
import dev.betweenrows.store.StoreConflictException;
import dev.betweenrows.store.StoreNotFoundException;
import dev.betweenrows.store.TlsMode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Optional;

/** Data sources and connect grants. The password column only ever holds {@link Secrets} output. */
final class DbDataSourceRepository implements DataSourceRepository {
    private static final String COLUMNS = "SELECT id, ds_type, name, host, port, database_name, username, tls_mode,"
            + " ca_cert, access_mode, is_active, default_schema, password_ciphertext, created_at, updated_at"
            + " FROM br_data_source";
    private final Transactions tx;
    private final Secrets secrets;

    DbDataSourceRepository(Transactions tx, Secrets secrets) {
        this.tx = tx;
        this.secrets = secrets;
    }

    private DbExecute read() {
        return tx.reader();
    }

    @Override
    public DataSourceRecord create(DataSourceSettings s, char[] password, Actor actor) {
        return tx.run(actor, t -> {
            requireFreeName(t.db, s.name(), "");
            String id = Rows.newId();
            String sealed = password == null || password.length == 0 ? null : secrets.seal(password, id);
            t.db.insert("INSERT INTO br_data_source (id, name, ds_type, host, port, database_name, username,"
                            + " password_ciphertext, tls_mode, ca_cert, access_mode, is_active, default_schema,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, s.name(), DataSourceSettings.TYPE, s.host(), s.port(), s.database(), s.username(), sealed,
                    s.tlsMode().jsonName(), s.caCert(), s.accessMode().jsonName(), s.active(), s.defaultSchema(),
                    Rows.ts(t.now), Rows.ts(t.now));
            DataSourceRecord created = get(t.db, id);
            t.audit("create", "data_source", id, null, json(created));
            t.policySetChanged();
            return created;
        });
    }

    @Override
    public Optional<DataSourceRecord> findById(String id) {
        return Rows.one(read(), DbDataSourceRepository::toRecord, COLUMNS + " WHERE id = ?", id);
    }

    @Override
    public Optional<DataSourceRecord> findByName(String name) {
        return Rows.one(read(), DbDataSourceRepository::toRecord, COLUMNS + " WHERE name = ?", name);
    }

    @Override
    public List<DataSourceRecord> list() {
        return Rows.list(read(), DbDataSourceRepository::toRecord, COLUMNS + " ORDER BY name");
    }

    @Override
    public DataSourceRecord update(String id, DataSourceSettings s, char[] newPassword, Actor actor) {
        return tx.run(actor, t -> {
            DataSourceRecord before = get(t.db, id);
            requireFreeName(t.db, s.name(), id);
            t.db.update("UPDATE br_data_source SET name = ?, host = ?, port = ?, database_name = ?, username = ?,"
                            + " tls_mode = ?, ca_cert = ?, access_mode = ?, is_active = ?, default_schema = ?, updated_at = ?"
                            + " WHERE id = ?", s.name(), s.host(), s.port(), s.database(), s.username(),
                    s.tlsMode().jsonName(), s.caCert(), s.accessMode().jsonName(), s.active(), s.defaultSchema(),
                    Rows.ts(t.now), id);
            if (newPassword != null) {
                String sealed = newPassword.length == 0 ? null : secrets.seal(newPassword, id);
                t.db.update("UPDATE br_data_source SET password_ciphertext = ? WHERE id = ?", sealed, id);
            }
            DataSourceRecord after = get(t.db, id);
            JsonObject afterJson = Json.object(json(after)).add("password_changed", newPassword != null).build();
            t.audit("update", "data_source", id, json(before), afterJson);
            t.policySetChanged();
            t.notifyAfterCommit(new StoreChange.DataSourceChanged(id));
            return after;
        });
    }

    @Override
    public void delete(String id, Actor actor) {
        tx.run(actor, t -> {
            DataSourceRecord before = get(t.db, id);
            t.db.delete("DELETE FROM br_data_source WHERE id = ?", id);   // grants, catalog, assignments cascade
            t.audit("delete", "data_source", id, json(before), null);
            t.policySetChanged();
            t.notifyAfterCommit(new StoreChange.DataSourceChanged(id));
            return null;
        });
    }

    @Override
    public Optional<char[]> revealPassword(String id) {
        String sealed = Rows.one(read(), r -> Optional.ofNullable(Rows.str(r, 1)),
                        "SELECT password_ciphertext FROM br_data_source WHERE id = ?", id)
                .orElseThrow(() -> new StoreNotFoundException("data source", id)).orElse(null);
        return sealed == null ? Optional.empty() : Optional.of(secrets.open(sealed, id));
    }

    @Override
    public void grant(AccessGrant g, Actor actor) {
        tx.run(actor, t -> {
            get(t.db, g.dataSourceId());
            DbAssignmentRepository.requireSubject(t.db, g.scope(), g.scopeId());
            if (g.scope() == Scope.ROLE && !DbRoleRepository.get(t.db, g.scopeId()).active())
                throw new IllegalArgumentException("only an active role can be granted access");
            if (Rows.count(t.db, "SELECT COUNT(*) FROM br_data_source_access WHERE data_source_id = ? AND scope = ?"
                    + " AND subject_id = ?", g.dataSourceId(), g.scope().jsonName(), Rows.subject(g.scopeId())) > 0)
                throw new StoreConflictException("access already granted");
            t.db.insert("INSERT INTO br_data_source_access (id, data_source_id, scope, subject_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)", Rows.newId(), g.dataSourceId(), g.scope().jsonName(),
                    Rows.subject(g.scopeId()), Rows.ts(t.now));
            t.audit("grant_access", "data_source", g.dataSourceId(), null, json(g));
            t.policySetChanged();
            return null;
        });
    }

    @Override
    public void revoke(AccessGrant g, Actor actor) {
        tx.run(actor, t -> {
            if (t.db.delete("DELETE FROM br_data_source_access WHERE data_source_id = ? AND scope = ? AND subject_id = ?",
                    g.dataSourceId(), g.scope().jsonName(), Rows.subject(g.scopeId())) == 0)
                throw new StoreNotFoundException("access grant", g.scope().jsonName() + "/" + Rows.subject(g.scopeId()));
            t.audit("revoke_access", "data_source", g.dataSourceId(), json(g), null);
            t.policySetChanged();
            t.notifyAfterCommit(new StoreChange.AccessRevoked(g.dataSourceId(), g.scope(), g.scopeId()));
            return null;
        });
    }

    @Override
    public List<AccessGrant> grants(String dataSourceId) {
        return Rows.list(read(), DbDataSourceRepository::toGrant, "SELECT data_source_id, scope, subject_id"
                + " FROM br_data_source_access WHERE data_source_id = ? ORDER BY created_at, id", dataSourceId);
    }

    @Override
    public List<AccessGrant> allGrants() {
        return Rows.list(read(), DbDataSourceRepository::toGrant, "SELECT data_source_id, scope, subject_id"
                + " FROM br_data_source_access ORDER BY data_source_id, created_at, id");
    }

    static DataSourceRecord get(DbExecute db, String id) {
        return Rows.one(db, DbDataSourceRepository::toRecord, COLUMNS + " WHERE id = ?", id)
                .orElseThrow(() -> new StoreNotFoundException("data source", id));
    }

    private static void requireFreeName(DbExecute db, String name, String exceptId) {
        if (Rows.count(db, "SELECT COUNT(*) FROM br_data_source WHERE name = ? AND id <> ?", name, exceptId) > 0)
            throw new StoreConflictException("data source name already exists: " + name);
    }

    private static AccessGrant toGrant(DbRow r) {
        return new AccessGrant(Rows.str(r, 1), Scope.fromJson(Rows.str(r, 2)), Rows.scopeId(Rows.str(r, 3)));
    }

    private static DataSourceRecord toRecord(DbRow r) {
        DataSourceSettings s = new DataSourceSettings(Rows.str(r, 3), Rows.str(r, 4), (int) Rows.num(r, 5),
                Rows.str(r, 6), Rows.str(r, 7), TlsMode.fromJson(Rows.str(r, 8)), Rows.str(r, 9),
                AccessMode.fromJson(Rows.str(r, 10)), Rows.bool(r, 11), Rows.str(r, 12));
        return new DataSourceRecord(Rows.str(r, 1), Rows.str(r, 2), s, Rows.str(r, 13) != null, Rows.time(r, 14),
                Rows.time(r, 15));
    }

    /** Audit form: settings and whether a password is set, never the password or its ciphertext. */
    private static JsonObject json(DataSourceRecord d) {
        DataSourceSettings s = d.settings();
        JsonObjectBuilder b = Json.object().add("id", d.id()).add("name", s.name()).add("ds_type", d.type())
                .add("host", s.host()).add("port", s.port()).add("database", s.database())
                .add("username", s.username()).add("tls_mode", s.tlsMode().jsonName())
                .add("has_ca_cert", s.caCert() != null).add("access_mode", s.accessMode().jsonName())
                .add("is_active", s.active());
        Json.put(b, "default_schema", s.defaultSchema());
        return b.add("has_password", d.hasPassword()).build();
    }

    private static JsonObject json(AccessGrant g) {
        JsonObjectBuilder b = Json.object().add("data_source_id", g.dataSourceId()).add("scope", g.scope().jsonName());
        return Json.put(b, "scope_id", g.scopeId()).build();
    }
}
