package dev.betweenrows.store.yaml;

import dev.betweenrows.store.ImportProblem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node with its place in the document: {@code value} is a {@code Map<String, YNode>}, a
 * {@code List<YNode>}, a scalar's text, or {@code null}. Parsing is bounded: aliases, size, depth and
 * node count are limited so alias bombs and huge documents are refused, not expanded.
 */
record YNode(Object value, int line, int column) {
    static final int MAX_CODE_POINTS = 5 * 1024 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_NODES = 500_000;
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("policies").setMaxAliasesForCollections(50).setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(false).setAllowNonScalarKeys(false).setCodePointLimit(MAX_CODE_POINTS)
            .setUseMarks(true).build();

    /** The document's root, or empty with the reason added to {@code problems}. */
    static Optional<YNode> parse(String yaml, List<ImportProblem> problems) {
        if (yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
            problems.add(new ImportProblem(0, 0, "document larger than " + MAX_CODE_POINTS + " characters"));
            return Optional.empty();
        }
        try {
            Optional<Node> root = new Composer(SETTINGS, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, yaml))).getSingleNode();
            if (root.isEmpty()) {
                problems.add(new ImportProblem(0, 0, "the document is empty"));
                return Optional.empty();
            }
            return Optional.of(convert(root.get(), 0, new int[1]));
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String what = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            problems.add(m == null ? new ImportProblem(0, 0, "YAML: " + what)
                    : new ImportProblem(m.getLine() + 1, m.getColumn() + 1, "YAML: " + what));
        } catch (TooBig e) {
            problems.add(new ImportProblem(e.line, e.column, "YAML: " + e.getMessage()));
        } catch (YamlEngineException e) {
            problems.add(new ImportProblem(0, 0, "YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static YNode convert(Node node, int depth, int[] count) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (depth > MAX_DEPTH) throw new TooBig("document nested deeper than " + MAX_DEPTH + " levels", line, column);
        if (++count[0] > MAX_NODES) {
            throw new TooBig("document has more than " + MAX_NODES + " nodes (alias expansion?)", line, column);
        }
        if (node instanceof ScalarNode s) {
            return new YNode(Tag.NULL.equals(s.getTag()) ? null : s.getValue(), line, column);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node child : seq.getValue()) items.add(convert(child, depth + 1, count));
            return new YNode(items, line, column);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) throw new TooBig("mapping keys must be plain text", line, column);
            YNode value = convert(t.getValueNode(), depth + 1, count);
            if (entries.putIfAbsent(key.getValue(), value) != null) {
                throw new TooBig("duplicate key '" + key.getValue() + "'", value.line, value.column);
            }
        }
        return new YNode(entries, line, column);
    }

    ImportProblem problem(String message) {
        return new ImportProblem(line, column, message);
    }

    /** A document the limits refuse. */
    private static final class TooBig extends RuntimeException {
        final int line;
        final int column;

        TooBig(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}
