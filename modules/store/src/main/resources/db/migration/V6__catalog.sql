-- The catalog allowlist of each data source: schemas (with an optional alias), relations, columns.
CREATE TABLE br_catalog_schema (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    data_source_id VARCHAR(36)  NOT NULL,
    schema_name    VARCHAR(128) NOT NULL,
    schema_alias   VARCHAR(128),
    is_selected    BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT br_catalog_schema_uq UNIQUE (data_source_id, schema_name),
    CONSTRAINT br_catalog_schema_ds_fk FOREIGN KEY (data_source_id) REFERENCES br_data_source (id) ON DELETE CASCADE
);

CREATE TABLE br_catalog_table (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    schema_id   VARCHAR(36)  NOT NULL,
    table_name  VARCHAR(128) NOT NULL,
    table_kind  VARCHAR(32)  NOT NULL,
    is_selected BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT br_catalog_table_uq UNIQUE (schema_id, table_name),
    CONSTRAINT br_catalog_table_schema_fk FOREIGN KEY (schema_id) REFERENCES br_catalog_schema (id) ON DELETE CASCADE
);

CREATE TABLE br_catalog_column (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    table_id         VARCHAR(36)  NOT NULL,
    column_name      VARCHAR(128) NOT NULL,
    pg_type          VARCHAR(256) NOT NULL,
    ordinal_position INTEGER      NOT NULL,
    is_nullable      BOOLEAN      NOT NULL DEFAULT TRUE,
    is_selected      BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT br_catalog_column_uq UNIQUE (table_id, column_name),
    CONSTRAINT br_catalog_column_table_fk FOREIGN KEY (table_id) REFERENCES br_catalog_table (id) ON DELETE CASCADE
);
