-- Data-plane audit, stored in blocks: one row per group commit of the audit writer holding its records
-- (deflated JSON lines, the same fields as the journal), instead of one row per statement with three
-- indexes. Per-statement rows made the audit writer the proxy's biggest CPU consumer under load.
-- min_id/max_id bound the record ids inside (time-ordered UUIDv7), so a record is found by id without
-- an index per record. The stat rows count a block's records per (kind, decision, user, data source), so
-- counts and filtered listings skip or count whole blocks without opening them.
-- Rows of br_query_audit (V11) are moved into blocks by the store when it opens, in transactions of a
-- few hundred rows each; the table stays (empty) so that a failed move leaves nothing half done.
CREATE TABLE br_query_audit_block (
    id            BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_at      TIMESTAMP    NOT NULL,
    last_at       TIMESTAMP    NOT NULL,
    min_id        VARCHAR(36)  NOT NULL,
    max_id        VARCHAR(36)  NOT NULL,
    record_count  INTEGER      NOT NULL,
    payload       BLOB         NOT NULL
);
-- Walks page through blocks newest-first by (last_at, id) and oldest-first by (first_at, id); lookups by id
-- narrow by the id range from either end.
CREATE INDEX br_query_audit_block_last ON br_query_audit_block (last_at DESC, id DESC);
CREATE INDEX br_query_audit_block_first ON br_query_audit_block (first_at, id);
CREATE INDEX br_query_audit_block_min_id ON br_query_audit_block (min_id);
CREATE INDEX br_query_audit_block_max_id ON br_query_audit_block (max_id);
CREATE TABLE br_query_audit_block_stat (
    block_id      BIGINT       NOT NULL REFERENCES br_query_audit_block (id) ON DELETE CASCADE,
    kind          VARCHAR(16)  NOT NULL,
    decision      VARCHAR(16)  NOT NULL,
    user_id       VARCHAR(36),
    datasource_id VARCHAR(36),
    record_count  INTEGER      NOT NULL
);
