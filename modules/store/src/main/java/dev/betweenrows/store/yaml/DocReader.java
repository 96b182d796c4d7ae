package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AccessMode;
import dev.betweenrows.policy.AttributeDefinition;
import dev.betweenrows.policy.AttributeType;
import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.PolicyType;
import dev.betweenrows.policy.Scope;
import dev.betweenrows.policy.TableKind;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceSettings;
import dev.betweenrows.store.ImportProblem;
import dev.betweenrows.store.PolicyDraft;
import dev.betweenrows.store.TlsMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a policy document into a {@link Doc}, collecting every problem (with line and column) instead of
 * stopping at the first, and every name that refers to something else ({@link Ref}) for the planner to check.
 */
final class DocReader {
    /** A reference by name: {@code kind} is user, role, data_source or attribute. */
    record Ref(String kind, String name, YNode at) {}

    record Result(Doc doc, List<Ref> refs) {}

    private final List<ImportProblem> problems;
    private final List<Ref> refs = new ArrayList<>();

    private DocReader(List<ImportProblem> problems) {
        this.problems = problems;
    }

    static Result read(YNode root, List<ImportProblem> problems) {
        return new DocReader(problems).root(root);
    }

    private Result root(YNode root) {
        Fields f = Fields.of(root, Set.of("betweenrows_policies", "attributes", "roles", "data_sources", "policies"),
                problems, "the document");
        if (f == null) return new Result(new Doc(List.of(), List.of(), List.of(), List.of()), refs);
        if (f.integer("betweenrows_policies", -1) != DocWriter.FORMAT_VERSION) {
            problems.add(f.at("betweenrows_policies").problem("'betweenrows_policies: " + DocWriter.FORMAT_VERSION
                    + "' is required (the document format version)"));
        }
        Doc doc = new Doc(each(f.list("attributes"), this::attribute, Doc.AttributeSpec::key, "attribute"),
                each(f.list("roles"), this::role, Doc.RoleSpec::name, "role"),
                each(f.list("data_sources"), this::dataSource, Doc.DataSourceSpec::name, "data source"),
                each(f.list("policies"), this::policy, Doc.PolicySpec::name, "policy"));
        return new Result(doc, refs);
    }

    private <T> List<T> each(List<YNode> nodes, Function<YNode, T> read, Function<T, String> name, String what) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YNode n : nodes) {
            T item = read.apply(n);
            if (item == null) continue;
            if (!seen.add(name.apply(item))) problems.add(n.problem(what + " '" + name.apply(item) + "' appears twice"));
            else out.add(item);
        }
        return out;
    }

    private Doc.AttributeSpec attribute(YNode n) {
        Fields f = Fields.of(n, Set.of("key", "type", "default", "allowed_values", "display_name", "description"),
                problems, "an attribute");
        if (f == null) return null;
        String key = f.text("key", true);
        AttributeType type = f.build(() -> AttributeType.fromJson(f.text("type", true)));
        if (key == null || type == null) return null;
        List<String> allowed = f.texts("allowed_values");
        AttributeValue dflt = null;
        if (f.has("default")) {
            dflt = type == AttributeType.LIST
                    ? f.build(() -> new AttributeValue.Strings(f.texts("default")))
                    : f.build(() -> new AttributeDefinition(key, type, null, allowed).parseScalar(f.text("default", true)));
            if (dflt == null) return null;
        }
        AttributeValue d = dflt;
        AttributeDefinition def = f.build(() -> new AttributeDefinition(key, type, d, allowed));
        return def == null ? null : new Doc.AttributeSpec(def, f.text("display_name", false), f.text("description", false));
    }

    private Doc.RoleSpec role(YNode n) {
        Fields f = Fields.of(n, Set.of("name", "description", "active", "parents", "members"), problems, "a role");
        if (f == null) return null;
        String name = f.text("name", true);
        if (name == null) return null;
        List<String> parents = f.texts("parents");
        List<String> members = f.texts("members");
        parents.forEach(p -> refs.add(new Ref("role", p, f.at("parents"))));
        members.forEach(m -> refs.add(new Ref("user", m, f.at("members"))));
        return f.build(() -> {
            dev.betweenrows.policy.Role.checkName(name);
            return new Doc.RoleSpec(name, f.text("description", false), f.bool("active", true), parents, members);
        });
    }

    private Doc.DataSourceSpec dataSource(YNode n) {
        Fields f = Fields.of(n, Set.of("name", "host", "port", "database", "username", "tls_mode", "ca_cert",
                "access_mode", "active", "default_schema", "grants", "catalog"), problems, "a data source");
        if (f == null) return null;
        DataSourceSettings settings = f.build(() -> new DataSourceSettings(f.text("name", true), f.text("host", true),
                f.integer("port", 5432), f.text("database", true), f.text("username", true),
                f.has("tls_mode") ? TlsMode.fromJson(f.text("tls_mode", true)) : null, f.text("ca_cert", false),
                f.has("access_mode") ? AccessMode.fromJson(f.text("access_mode", true)) : null,
                f.bool("active", true), f.text("default_schema", false)));
        List<Doc.Subject> grants = f.list("grants").stream()
                .map(g -> subject(Fields.of(g, Set.of("scope", "user", "role"), problems, "a grant")))
                .filter(Objects::nonNull).toList();
        List<CatalogSchemaEntry> catalog = f.list("catalog").stream().map(this::schema).filter(Objects::nonNull)
                .sorted(Comparator.comparing(CatalogSchemaEntry::upstreamName)).toList();
        return settings == null ? null : new Doc.DataSourceSpec(settings, grants, catalog);
    }

    private Doc.Subject subject(Fields f) {
        if (f == null) return null;
        Scope scope = f.build(() -> Scope.fromJson(f.text("scope", true)));
        if (scope == null) return null;
        String name = scope == Scope.ALL ? null : f.text(scope.jsonName(), true);
        if (scope != Scope.ALL && name == null) return null;
        for (Scope other : Scope.values()) {
            if (other != scope && other != Scope.ALL && f.has(other.jsonName()))
                problems.add(f.at(other.jsonName()).problem("scope " + scope.jsonName() + " takes no '" + other.jsonName() + "'"));
        }
        if (name != null) refs.add(new Ref(scope.jsonName(), name, f.at(scope.jsonName())));
        return new Doc.Subject(scope, name);
    }

    private CatalogSchemaEntry schema(YNode n) {
        Fields f = Fields.of(n, Set.of("schema", "alias", "selected", "tables"), problems, "a catalog schema");
        if (f == null) return null;
        List<CatalogTableEntry> tables = f.list("tables").stream().map(this::table).filter(Objects::nonNull)
                .sorted(Comparator.comparing(CatalogTableEntry::name)).toList();
        return f.build(() -> new CatalogSchemaEntry(f.text("schema", true), f.text("alias", false),
                f.bool("selected", false), tables));
    }

    private CatalogTableEntry table(YNode n) {
        Fields f = Fields.of(n, Set.of("name", "kind", "selected", "columns"), problems, "a catalog table");
        if (f == null) return null;
        List<CatalogColumnEntry> columns = f.list("columns").stream().map(c -> {
            Fields cf = Fields.of(c, Set.of("name", "type", "ordinal", "nullable", "selected"), problems, "a catalog column");
            return cf == null ? null : cf.build(() -> new CatalogColumnEntry(cf.text("name", true), cf.text("type", true),
                    cf.integer("ordinal", 0), cf.bool("nullable", true), cf.bool("selected", false)));
        }).filter(Objects::nonNull).sorted(Comparator.comparingInt(CatalogColumnEntry::ordinal)).toList();
        return f.build(() -> new CatalogTableEntry(f.text("name", true),
                TableKind.valueOf(Objects.requireNonNullElse(f.text("kind", false), "table").toUpperCase(Locale.ROOT)),
                f.bool("selected", false), columns));
    }

    private Doc.PolicySpec policy(YNode n) {
        Fields f = Fields.of(n, Set.of("name", "type", "description", "enabled", "targets", "expression", "assignments"),
                problems, "a policy");
        if (f == null) return null;
        List<Target> targets = f.list("targets").stream().map(t -> {
            Fields tf = Fields.of(t, Set.of("schemas", "tables", "columns"), problems, "a policy target");
            return tf == null ? null : tf.build(() -> Target.of(tf.texts("schemas"), tf.texts("tables"), tf.texts("columns")));
        }).filter(Objects::nonNull).toList();
        PolicyDraft draft = f.build(() -> new PolicyDraft(f.text("name", true), PolicyType.fromJson(f.text("type", true)),
                f.text("description", false), targets, f.text("expression", false), f.bool("enabled", true)));
        List<Doc.AssignmentSpec> assignments = new ArrayList<>();
        for (YNode a : f.list("assignments")) {
            Fields af = Fields.of(a, Set.of("data_source", "scope", "user", "role", "priority"), problems, "an assignment");
            Doc.Subject s = subject(af);
            if (s == null) continue;
            String ds = af.text("data_source", true);
            if (ds == null) continue;
            refs.add(new Ref("data_source", ds, af.at("data_source")));
            assignments.add(new Doc.AssignmentSpec(ds, s, af.integer("priority", dev.betweenrows.policy.Assignment.DEFAULT_PRIORITY)));
        }
        if (draft == null) return null;
        if (draft.expression() != null) {
            try {
                draft.toPolicy("x", 1).template().referencedAttributes()
                        .forEach(k -> refs.add(new Ref("attribute", k, f.at("expression"))));
            } catch (IllegalArgumentException e) {
                problems.add(f.at("expression").problem(e.getMessage()));
            }
        }
        return new Doc.PolicySpec(draft, assignments);
    }
}
