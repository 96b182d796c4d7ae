-- Roles (soft-deleted through is_active), direct memberships and the inheritance DAG.
CREATE TABLE br_role (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    name        VARCHAR(64)   NOT NULL,
    description VARCHAR(2000),
    is_active   BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    CONSTRAINT br_role_name_uq UNIQUE (name)
);

CREATE TABLE br_role_member (
    role_id    VARCHAR(36) NOT NULL,
    user_id    VARCHAR(36) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT br_role_member_pk PRIMARY KEY (role_id, user_id),
    CONSTRAINT br_role_member_role_fk FOREIGN KEY (role_id) REFERENCES br_role (id) ON DELETE CASCADE,
    CONSTRAINT br_role_member_user_fk FOREIGN KEY (user_id) REFERENCES br_user (id) ON DELETE CASCADE
);
CREATE INDEX br_role_member_user_ix ON br_role_member (user_id);

-- Members of child_role_id also get what is assigned to parent_role_id. Cycles are refused by the store.
CREATE TABLE br_role_parent (
    child_role_id  VARCHAR(36) NOT NULL,
    parent_role_id VARCHAR(36) NOT NULL,
    created_at     TIMESTAMP   NOT NULL,
    CONSTRAINT br_role_parent_pk PRIMARY KEY (child_role_id, parent_role_id),
    CONSTRAINT br_role_parent_child_fk FOREIGN KEY (child_role_id) REFERENCES br_role (id) ON DELETE CASCADE,
    CONSTRAINT br_role_parent_parent_fk FOREIGN KEY (parent_role_id) REFERENCES br_role (id) ON DELETE CASCADE
);
CREATE INDEX br_role_parent_parent_ix ON br_role_parent (parent_role_id);
