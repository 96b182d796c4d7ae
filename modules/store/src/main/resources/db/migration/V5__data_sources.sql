-- Upstream data sources. The password is kept only sealed (AES-256-GCM, base64) with the row id as
-- associated data; nothing else here is secret.
CREATE TABLE br_data_source (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                VARCHAR(64)   NOT NULL,
    ds_type             VARCHAR(32)   NOT NULL DEFAULT 'postgres',
    host                VARCHAR(255)  NOT NULL,
    port                INTEGER       NOT NULL DEFAULT 5432,
    database_name       VARCHAR(128)  NOT NULL,
    username            VARCHAR(128)  NOT NULL,
    password_ciphertext VARCHAR(4096),
    tls_mode            VARCHAR(16)   NOT NULL DEFAULT 'require',
    ca_cert             VARCHAR(32000),
    access_mode         VARCHAR(16)   NOT NULL DEFAULT 'policy_required',
    is_active           BOOLEAN       NOT NULL DEFAULT TRUE,
    default_schema      VARCHAR(128),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT br_data_source_name_uq UNIQUE (name),
    CONSTRAINT br_data_source_type_ck CHECK (ds_type IN ('postgres')),
    CONSTRAINT br_data_source_port_ck CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT br_data_source_tls_ck CHECK (tls_mode IN ('disable', 'prefer', 'require', 'verify-ca', 'verify-full')),
    CONSTRAINT br_data_source_mode_ck CHECK (access_mode IN ('open', 'policy_required'))
);

-- Connect grants. subject_id is the user or role id, or '*' for scope all (a NOT NULL column keeps the
-- unique constraint meaningful on every database).
CREATE TABLE br_data_source_access (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    data_source_id VARCHAR(36) NOT NULL,
    scope          VARCHAR(8)  NOT NULL,
    subject_id     VARCHAR(36) NOT NULL,
    created_at     TIMESTAMP   NOT NULL,
    CONSTRAINT br_data_source_access_uq UNIQUE (data_source_id, scope, subject_id),
    CONSTRAINT br_data_source_access_ds_fk FOREIGN KEY (data_source_id) REFERENCES br_data_source (id) ON DELETE CASCADE,
    CONSTRAINT br_data_source_access_scope_ck CHECK (scope IN ('user', 'role', 'all'))
);
CREATE INDEX br_data_source_access_subject_ix ON br_data_source_access (subject_id);
