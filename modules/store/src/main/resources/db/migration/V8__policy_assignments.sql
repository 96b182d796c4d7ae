-- Policy x data source x scope (user, role, all) x priority. subject_id is '*' for scope all.
CREATE TABLE br_policy_assignment (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    policy_id      VARCHAR(36) NOT NULL,
    data_source_id VARCHAR(36) NOT NULL,
    scope          VARCHAR(8)  NOT NULL,
    subject_id     VARCHAR(36) NOT NULL,
    priority       INTEGER     NOT NULL DEFAULT 100,
    created_at     TIMESTAMP   NOT NULL,
    updated_at     TIMESTAMP   NOT NULL,
    CONSTRAINT br_policy_assignment_uq UNIQUE (policy_id, data_source_id, scope, subject_id),
    CONSTRAINT br_policy_assignment_policy_fk FOREIGN KEY (policy_id) REFERENCES br_policy (id) ON DELETE CASCADE,
    CONSTRAINT br_policy_assignment_ds_fk FOREIGN KEY (data_source_id) REFERENCES br_data_source (id) ON DELETE CASCADE,
    CONSTRAINT br_policy_assignment_scope_ck CHECK (scope IN ('user', 'role', 'all'))
);
CREATE INDEX br_policy_assignment_ds_ix ON br_policy_assignment (data_source_id);
CREATE INDEX br_policy_assignment_subject_ix ON br_policy_assignment (subject_id);
