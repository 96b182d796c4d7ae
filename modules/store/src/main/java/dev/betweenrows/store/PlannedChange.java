package dev.betweenrows.store;

/**
 * One step of an import plan: {@code action} is {@code create}, {@code update} or {@code delete};
 * {@code kind} is {@code attribute}, {@code role}, {@code data_source} or {@code policy}; {@code name}
 * is the object's name (never an id).
 */
public record PlannedChange(String action, String kind, String name) {
    @Override
    public String toString() {
        return action + " " + kind + " " + name;
    }
}
