-- Data-plane audit: one row per statement and per login attempt. Written in batches by the audit
-- module (group commit); the exact SQL text in and out is kept (CLOB: statements can be long).
CREATE TABLE br_query_audit (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at      TIMESTAMP     NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    user_id          VARCHAR(36),
    username         VARCHAR(64),
    datasource_id    VARCHAR(36),
    datasource_name  VARCHAR(64),
    client_addr      VARCHAR(64),
    application_name VARCHAR(128),
    session_id       BIGINT,
    statement_index  INTEGER,
    protocol         VARCHAR(16),
    original_sql     CLOB,
    rewritten_sql    CLOB,
    policies_json    VARCHAR(32000),
    decision         VARCHAR(16)   NOT NULL,
    sql_state        VARCHAR(5),
    message          VARCHAR(2000),
    reason           VARCHAR(2000),
    guard_micros     BIGINT,
    total_micros     BIGINT,
    rows_returned    BIGINT,
    bytes_returned   BIGINT,
    parameters_json  CLOB
);
CREATE INDEX br_query_audit_time ON br_query_audit (occurred_at);
CREATE INDEX br_query_audit_user ON br_query_audit (user_id, occurred_at);
CREATE INDEX br_query_audit_ds ON br_query_audit (datasource_id, occurred_at);
