package dev.betweenrows.admin.users;

import dev.betweenrows.admin.http.JsonFields;
import dev.betweenrows.admin.json.UserCreateRequest;
import dev.betweenrows.admin.json.UserUpdateRequest;
import jakarta.json.JsonObject;

/** User request bodies read with strict JSON types (a string "false" is not a boolean). */
final class UserBodies {
    private UserBodies() {}

    static UserCreateRequest create(JsonObject json) {
        return new UserCreateRequest(JsonFields.text(json, "username"), JsonFields.text(json, "password"),
                JsonFields.bool(json, "is_admin"), JsonFields.text(json, "email"), JsonFields.text(json, "display_name"),
                JsonFields.object(json, "attributes"));
    }

    static UserUpdateRequest update(JsonObject json) {
        return new UserUpdateRequest(JsonFields.bool(json, "is_admin"), JsonFields.bool(json, "is_active"),
                JsonFields.text(json, "email"), JsonFields.text(json, "display_name"), JsonFields.object(json, "attributes"));
    }
}
