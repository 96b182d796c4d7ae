package dev.betweenrows.admin.json;

import java.util.List;

/** What a (forced) delete of an attribute definition affected: those policies now fail closed. */
public record AttributeDeleteResult(String key, boolean forced, List<AttributeInUseError.PolicyRef> policies,
                                    long usersWithValue) {}
