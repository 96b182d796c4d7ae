package dev.betweenrows.store;

import java.util.List;

/** What uses an attribute key: policies whose expression mentions {@code {user.<key>}}, and users holding a value. */
public record AttributeReferences(List<String> policyIds, List<String> policyNames, long usersWithValue) {
    public AttributeReferences {
        policyIds = List.copyOf(policyIds);
        policyNames = List.copyOf(policyNames);
    }

    public boolean isEmpty() {
        return policyIds.isEmpty() && usersWithValue == 0;
    }
}
