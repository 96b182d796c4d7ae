package dev.betweenrows.store.yaml;

import dev.betweenrows.store.ImportProblem;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to one YAML mapping; every misfit becomes a located problem (and a neutral value). */
final class Fields {
    final YNode node;
    private final Map<String, YNode> map;
    private final List<ImportProblem> problems;

    private Fields(YNode node, Map<String, YNode> map, List<ImportProblem> problems) {
        this.node = node;
        this.map = map;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or {@code null} (problem added) when it is not one. */
    @SuppressWarnings("unchecked")
    static Fields of(YNode node, Set<String> allowed, List<ImportProblem> problems, String what) {
        if (!(node.value() instanceof Map<?, ?> m)) {
            problems.add(node.problem(what + " must be a mapping"));
            return null;
        }
        Map<String, YNode> map = (Map<String, YNode>) m;
        map.forEach((k, v) -> {
            if (!allowed.contains(k)) problems.add(v.problem("unknown key '" + k + "' in " + what));
        });
        return new Fields(node, map, problems);
    }

    YNode at(String key) {
        YNode n = map.get(key);
        return n == null ? node : n;
    }

    boolean has(String key) {
        return map.get(key) != null && map.get(key).value() != null;
    }

    String text(String key, boolean required) {
        YNode n = map.get(key);
        if (n == null || n.value() == null) {
            if (required) problems.add(node.problem("'" + key + "' is required"));
            return null;
        }
        if (!(n.value() instanceof String s)) {
            problems.add(n.problem("'" + key + "' must be text"));
            return null;
        }
        return s;
    }

    boolean bool(String key, boolean absent) {
        String s = text(key, false);
        if (s == null) return absent;
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        problems.add(at(key).problem("'" + key + "' must be true or false"));
        return absent;
    }

    int integer(String key, int absent) {
        String s = text(key, false);
        if (s == null) return absent;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problems.add(at(key).problem("'" + key + "' must be an integer"));
            return absent;
        }
    }

    /** A list; absent is empty. */
    @SuppressWarnings("unchecked")
    List<YNode> list(String key) {
        YNode n = map.get(key);
        if (n == null || n.value() == null) return List.of();
        if (n.value() instanceof List<?> l) return (List<YNode>) l;
        problems.add(n.problem("'" + key + "' must be a list"));
        return List.of();
    }

    /** A list of texts; absent is empty. */
    List<String> texts(String key) {
        return list(key).stream().map(n -> {
            if (n.value() instanceof String s) return s;
            problems.add(n.problem("'" + key + "' must list texts"));
            return null;
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** Runs a record constructor; its validation message becomes a problem at this mapping. */
    <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(node.problem(e.getMessage() == null ? "invalid value" : e.getMessage()));
            return null;
        }
    }
}
