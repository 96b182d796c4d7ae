package dev.betweenrows.admin.json;

/** {@code PUT /api/v1/users/{id}/password}. */
public record PasswordRequest(String password) {
    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
