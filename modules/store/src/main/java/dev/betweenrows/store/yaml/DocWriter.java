package dev.betweenrows.store.yaml;

import dev.betweenrows.policy.AttributeValue;
import dev.betweenrows.policy.Glob;
import dev.betweenrows.policy.Target;
import dev.betweenrows.store.CatalogColumnEntry;
import dev.betweenrows.store.CatalogSchemaEntry;
import dev.betweenrows.store.CatalogTableEntry;
import dev.betweenrows.store.DataSourceSettings;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link Doc} as YAML: fixed key order, absent values and empty lists left out. */
final class DocWriter {
    static final int FORMAT_VERSION = 1;
    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).setIndicatorIndent(0).setWidth(120)
            .setSplitLines(false).build();

    private DocWriter() {}

    static String write(Doc doc) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("betweenrows_policies", FORMAT_VERSION);
        put(root, "attributes", doc.attributes().stream().map(DocWriter::attribute).toList());
        put(root, "roles", doc.roles().stream().map(DocWriter::role).toList());
        put(root, "data_sources", doc.dataSources().stream().map(DocWriter::dataSource).toList());
        put(root, "policies", doc.policies().stream().map(DocWriter::policy).toList());
        return new Dump(SETTINGS).dumpToString(root);
    }

    private static Map<String, Object> attribute(Doc.AttributeSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", a.key());
        m.put("type", a.definition().type().jsonName());
        AttributeValue d = a.definition().defaultValue();
        if (d != null) m.put("default", d instanceof AttributeValue.Strings s ? s.values() : d.texts().getFirst());
        put(m, "allowed_values", a.definition().allowedValues());
        put(m, "display_name", a.displayName());
        put(m, "description", a.description());
        return m;
    }

    private static Map<String, Object> role(Doc.RoleSpec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        put(m, "description", r.description());
        m.put("active", r.active());
        put(m, "parents", r.parents());
        put(m, "members", r.members());
        return m;
    }

    private static Map<String, Object> dataSource(Doc.DataSourceSpec d) {
        DataSourceSettings s = d.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("database", s.database());
        m.put("username", s.username());
        m.put("tls_mode", s.tlsMode().jsonName());
        put(m, "ca_cert", s.caCert());
        m.put("access_mode", s.accessMode().jsonName());
        m.put("active", s.active());
        put(m, "default_schema", s.defaultSchema());
        put(m, "grants", d.grants().stream().map(DocWriter::subject).toList());
        put(m, "catalog", d.catalog().stream().map(DocWriter::schema).toList());
        return m;
    }

    private static Map<String, Object> subject(Doc.Subject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", s.scope().jsonName());
        if (s.name() != null) m.put(s.scope().jsonName(), s.name());
        return m;
    }

    private static Map<String, Object> schema(CatalogSchemaEntry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", s.upstreamName());
        put(m, "alias", s.alias());
        m.put("selected", s.selected());
        put(m, "tables", s.tables().stream().map(DocWriter::table).toList());
        return m;
    }

    private static Map<String, Object> table(CatalogTableEntry t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        m.put("selected", t.selected());
        put(m, "columns", t.columns().stream().map(DocWriter::column).toList());
        return m;
    }

    private static Map<String, Object> column(CatalogColumnEntry c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.pgType());
        m.put("ordinal", c.ordinal());
        m.put("nullable", c.nullable());
        m.put("selected", c.selected());
        return m;
    }

    private static Map<String, Object> policy(Doc.PolicySpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.draft().type().jsonName());
        put(m, "description", p.draft().description());
        m.put("enabled", p.draft().enabled());
        m.put("targets", p.draft().targets().stream().map(DocWriter::target).toList());
        put(m, "expression", p.draft().expression());
        put(m, "assignments", p.assignments().stream().map(a -> {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("data_source", a.dataSource());
            am.putAll(subject(a.subject()));
            am.put("priority", a.priority());
            return am;
        }).toList());
        return m;
    }

    private static Map<String, Object> target(Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", patterns(t.schemas()));
        m.put("tables", patterns(t.tables()));
        put(m, "columns", patterns(t.columns()));
        return m;
    }

    private static List<String> patterns(List<Glob> globs) {
        return globs.stream().map(Glob::pattern).toList();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) return;
        m.put(key, value);
    }
}
