-- Policies and their immutable version history. br_policy_version has no foreign key on purpose: the
-- history (including the delete snapshot) outlives the policy.
CREATE TABLE br_policy (
    id              VARCHAR(36)    NOT NULL PRIMARY KEY,
    name            VARCHAR(100)   NOT NULL,
    policy_type     VARCHAR(16)    NOT NULL,
    description     VARCHAR(2000),
    is_enabled      BOOLEAN        NOT NULL DEFAULT TRUE,
    targets_json    VARCHAR(32000) NOT NULL,
    definition_json VARCHAR(32000),
    version         BIGINT         NOT NULL DEFAULT 1,
    created_by      VARCHAR(64),
    updated_by      VARCHAR(64),
    created_at      TIMESTAMP      NOT NULL,
    updated_at      TIMESTAMP      NOT NULL,
    CONSTRAINT br_policy_name_uq UNIQUE (name),
    CONSTRAINT br_policy_type_ck CHECK (policy_type IN ('row_filter', 'column_mask', 'column_allow', 'column_deny', 'table_deny'))
);

CREATE TABLE br_policy_version (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    policy_id     VARCHAR(36)    NOT NULL,
    version       BIGINT         NOT NULL,
    change_type   VARCHAR(16)    NOT NULL,
    snapshot_json VARCHAR(32000) NOT NULL,
    created_at    TIMESTAMP      NOT NULL,
    created_by    VARCHAR(64),
    CONSTRAINT br_policy_version_uq UNIQUE (policy_id, version)
);
