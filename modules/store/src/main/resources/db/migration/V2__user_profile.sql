-- Last successful login and typed user attributes (one row per user and key; the value as JSON).
ALTER TABLE br_user ADD COLUMN last_login_at TIMESTAMP;

CREATE TABLE br_user_attribute (
    user_id    VARCHAR(36)    NOT NULL,
    attr_key   VARCHAR(64)    NOT NULL,
    value_json VARCHAR(32000) NOT NULL,
    CONSTRAINT br_user_attribute_pk PRIMARY KEY (user_id, attr_key),
    CONSTRAINT br_user_attribute_user_fk FOREIGN KEY (user_id) REFERENCES br_user (id) ON DELETE CASCADE
);
CREATE INDEX br_user_attribute_key_ix ON br_user_attribute (attr_key);
