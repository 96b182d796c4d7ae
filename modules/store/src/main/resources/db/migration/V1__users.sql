-- Proxy users. One account for both planes; the password is kept only as a SCRAM-SHA-256 verifier.
CREATE TABLE br_user (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    username          VARCHAR(64)  NOT NULL,
    password_verifier VARCHAR(512) NOT NULL,
    is_admin          BOOLEAN      NOT NULL DEFAULT FALSE,
    is_active         BOOLEAN      NOT NULL DEFAULT TRUE,
    email             VARCHAR(320),
    display_name      VARCHAR(200),
    created_at        TIMESTAMP    NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    CONSTRAINT br_user_username_uq UNIQUE (username)
);
