package dev.betweenrows.admin.json;

import java.util.List;

/** 409 for deleting an attribute definition that policies or users still use (without {@code ?force=true}). */
public record AttributeInUseError(String error, String message, List<PolicyRef> policies, long usersWithValue) {

    /** A policy whose expression uses the attribute. */
    public record PolicyRef(String id, String name) {}
}
