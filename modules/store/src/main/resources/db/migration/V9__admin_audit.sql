-- Append-only admin audit, written in the same transaction as the change it records. No foreign keys:
-- rows outlive what they describe. before_json/after_json never hold secrets.
CREATE TABLE br_admin_audit (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    seq          BIGINT         NOT NULL,
    occurred_at  TIMESTAMP      NOT NULL,
    actor_id     VARCHAR(36),
    actor_name   VARCHAR(64),
    audit_action VARCHAR(32)    NOT NULL,
    entity_type  VARCHAR(32)    NOT NULL,
    entity_id    VARCHAR(36),
    before_json  VARCHAR(32000),
    after_json   VARCHAR(32000),
    CONSTRAINT br_admin_audit_seq_uq UNIQUE (seq)
);
CREATE INDEX br_admin_audit_entity_ix ON br_admin_audit (entity_type, entity_id);
CREATE INDEX br_admin_audit_time_ix ON br_admin_audit (occurred_at);
