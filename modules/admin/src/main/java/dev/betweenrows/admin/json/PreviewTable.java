package dev.betweenrows.admin.json;

import java.util.List;

/**
 * A relation the previewed user can see, by the names the user types ({@code schema} is the exposed
 * schema). {@code error} is set when a policy of the table cannot be bound: every statement on it is refused.
 */
public record PreviewTable(String schema, String table, List<PreviewColumn> columns, String error) {}
