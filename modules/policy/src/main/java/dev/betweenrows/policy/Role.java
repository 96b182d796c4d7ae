package dev.betweenrows.policy;

import java.util.regex.Pattern;

/**
 * A role. Roles are global and soft-deleted through {@code active}: an inactive role grants nothing
 * and cuts inheritance through it (see {@link RoleGraph}).
 *
 * @param id     role id
 * @param name   3–50 characters of {@code [A-Za-z0-9_.-]}, starting with a letter
 * @param active whether the role is in force
 */
public record Role(String id, String name, boolean active) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{2,49}");

    public Role {
        Checks.nonBlank(id, "id");
        checkName(name);
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException(
                    "role name must be 3-50 characters of letters, digits, _ . - and start with a letter");
    }
}
