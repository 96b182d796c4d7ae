-- Counters. policy_set_version goes up on every change the data plane must see (policies, assignments,
-- catalog, roles, attributes, access); audit_seq orders admin audit rows.
CREATE TABLE br_store_meta (
    meta_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    meta_value BIGINT      NOT NULL
);
INSERT INTO br_store_meta (meta_key, meta_value) VALUES ('policy_set_version', 1);
INSERT INTO br_store_meta (meta_key, meta_value) VALUES ('audit_seq', 0);
