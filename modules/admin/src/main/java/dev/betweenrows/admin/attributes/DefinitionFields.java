package dev.betweenrows.admin.attributes;

import dev.betweenrows.admin.http.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** The fields of an attribute-definition request; the service checks {@code containsKey} where absent ≠ null. */
record DefinitionFields(String key, String entityType, String displayName, String valueType, JsonValue defaultValue,
                        List<String> allowedValues, String description) {

    static DefinitionFields of(JsonObject body) {
        return new DefinitionFields(JsonFields.text(body, "key"), JsonFields.text(body, "entity_type"),
                JsonFields.text(body, "display_name"), JsonFields.text(body, "value_type"), body.get("default_value"),
                JsonFields.strings(body, "allowed_values"), JsonFields.text(body, "description"));
    }
}
