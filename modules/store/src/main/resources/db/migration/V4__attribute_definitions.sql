-- User-attribute definitions. default_json and allowed_json hold JSON (a typed value, an array of strings).
CREATE TABLE br_attribute_definition (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    attr_key     VARCHAR(64)    NOT NULL,
    entity_type  VARCHAR(16)    NOT NULL DEFAULT 'user',
    value_type   VARCHAR(16)    NOT NULL,
    display_name VARCHAR(200),
    default_json VARCHAR(32000),
    allowed_json VARCHAR(32000),
    description  VARCHAR(2000),
    created_at   TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    CONSTRAINT br_attribute_definition_uq UNIQUE (attr_key, entity_type),
    CONSTRAINT br_attribute_definition_type_ck CHECK (value_type IN ('string', 'integer', 'boolean', 'list'))
);
