-- Keys of discovered relations: primary keys, unique constraints, unique indexes backing no constraint, and
-- foreign keys (column lists as JSON arrays of names, in key order). Catalogs saved before this version have
-- no keys until their next save or sync; nothing stored before is changed.
CREATE TABLE br_catalog_key (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    table_id           VARCHAR(36)   NOT NULL,
    key_name           VARCHAR(128)  NOT NULL,
    key_kind           CHAR(1)       NOT NULL,
    column_names       VARCHAR(8000) NOT NULL,
    ref_schema_name    VARCHAR(128),
    ref_table_name     VARCHAR(128),
    ref_column_names   VARCHAR(8000),
    CONSTRAINT br_catalog_key_uq UNIQUE (table_id, key_kind, key_name),
    CONSTRAINT br_catalog_key_table_fk FOREIGN KEY (table_id) REFERENCES br_catalog_table (id) ON DELETE CASCADE
);
