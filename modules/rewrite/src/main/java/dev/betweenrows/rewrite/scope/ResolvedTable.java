package dev.betweenrows.rewrite.scope;

import dev.betweenrows.policy.CatalogTable;
import dev.betweenrows.policy.TablePolicy;

/** A catalog table the user may see, with what they may see of it. */
public record ResolvedTable(CatalogTable table, TablePolicy policy) {}
