package io.datapilot.core.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a YAML path ({@code sources[1].csv.separator}) in the text, so that every
 * problem can point to its line, including the ones found after binding.
 */
final class YamlLocator {
    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]|\\.?([A-Za-z0-9_]+)");
    private final Node root;

    private YamlLocator(Node root) {
        this.root = root;
    }

    static YamlLocator of(String text) {
        try {
            return new YamlLocator(new Yaml(new LoaderOptions()).compose(new StringReader(text)));
        } catch (RuntimeException e) {
            return new YamlLocator(null);
        }
    }

    /** 1-based line of the deepest part of the path found in the text, or 0. */
    int lineOf(String path) {
        Node node = root;
        int line = 0;
        Matcher step = STEP.matcher(path);
        while (node != null && step.find()) {
            Node key = null;
            Node next = null;
            if (step.group(1) != null && node instanceof SequenceNode sequence) {
                int index = Integer.parseInt(step.group(1));
                next = index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            } else if (node instanceof MappingNode mapping) {
                String name = step.group(2) != null ? step.group(2) : step.group(3);
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
                        key = tuple.getKeyNode();
                        next = tuple.getValueNode();
                    }
                }
            }
            if (next == null) {
                break;
            }
            line = (key != null ? key : next).getStartMark().getLine() + 1;
            node = next;
        }
        return line;
    }

    /** The same problems, each without a line given the line of its path. */
    List<ConfigProblem> locate(List<ConfigProblem> problems) {
        List<ConfigProblem> located = new ArrayList<>();
        for (ConfigProblem problem : problems) {
            located.add(problem.line() > 0 || problem.path().isEmpty() ? problem
                    : new ConfigProblem(problem.path(), lineOf(problem.path()), problem.message(), problem.kind()));
        }
        return located;
    }
}
