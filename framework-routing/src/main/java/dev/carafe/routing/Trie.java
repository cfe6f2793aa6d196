package dev.carafe.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The segment trie rules are matched in: the first level is the domain (host or subdomain), then
 * one level per path segment. Static segments sit in a hash map; variable parts are edges tried in
 * Werkzeug's priority order. Built once when the router freezes and never changed afterwards.
 */
final class Trie {

    /** One state: static children, variable edges in priority order, and the rules that end here. */
    static final class Node {
        final Map<String, Node> statics = new HashMap<>();
        final List<Edge> edges = new ArrayList<>();
        final List<CompiledRule> rules = new ArrayList<>();
        Edge[] sortedEdges = new Edge[0];
        /** Under the root: the domain for rules that match any host (host-matching mode). */
        Node anyDomain;
    }

    /** A variable part leading to a node: its regex, converters and whether it eats the rest of the path. */
    record Edge(String key, Pattern pattern, List<Part.Variable> variables, String[] groups, boolean spanning,
            boolean endsWithSlash, int[] weight, int order, Node target, Shortcut shortcut) {
    }

    /** Tests that replace the regex for the commonest parts: {@code <int:id>} and {@code <name>}. */
    enum Shortcut { NONE, DIGITS, NON_EMPTY }

    private static final Comparator<Edge> PRIORITY = (a, b) -> {
        int c = Arrays.compare(a.weight(), b.weight());
        return c != 0 ? c : Integer.compare(a.order(), b.order());
    };

    final Node root = new Node();
    private int edgeCount;

    /** Adds a rule; {@code anyDomain} when the rule has no domain and the router matches hosts. */
    void add(CompiledRule rule, boolean anyDomain) {
        Node node;
        if (rule.domain == null) {
            if (anyDomain) {
                if (root.anyDomain == null) {
                    root.anyDomain = new Node();
                }
                node = root.anyDomain;
            } else {
                node = root.statics.computeIfAbsent("", k -> new Node());
            }
        } else {
            node = step(root, rule.domain, true);
        }
        for (Part part : rule.parts) {
            node = step(node, part, false);
        }
        node.rules.add(rule);
    }

    /** Sorts every node's edges by priority; call once after the last {@link #add}. */
    void seal() {
        seal(root);
    }

    private void seal(Node node) {
        node.edges.sort(PRIORITY);
        node.sortedEdges = node.edges.toArray(new Edge[0]);
        node.statics.values().forEach(this::seal);
        node.edges.forEach(e -> seal(e.target()));
        if (node.anyDomain != null) {
            seal(node.anyDomain);
        }
    }

    private static Shortcut shortcut(Part part, boolean singleVariable) {
        if (!singleVariable || part.spanning()) {
            return Shortcut.NONE;
        }
        Converter c = part.variables().get(0).converter();
        if (c instanceof BuiltIns.Int i && !i.signed()) {
            return Shortcut.DIGITS;
        }
        return c instanceof BuiltIns.Text t && t.anySegment() ? Shortcut.NON_EMPTY : Shortcut.NONE;
    }

    private Node step(Node node, Part part, boolean domain) {
        if (part.isStatic()) {
            String text = domain ? part.staticText().toLowerCase(Locale.ROOT) : part.staticText();
            return node.statics.computeIfAbsent(text, k -> new Node());
        }
        String key = part.key();
        for (Edge e : node.edges) {
            if (e.key().equals(key)) {
                return e.target();
            }
        }
        List<Part.Variable> vars = part.variables();
        String[] groups = new String[vars.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "g" + i;
        }
        boolean singleVariable = part.pieces().size() == 1;
        Edge edge = new Edge(key, part.pattern(), vars, singleVariable ? null : groups, part.spanning(),
                part.spanning() && !part.pieces().isEmpty()
                        && part.pieces().get(part.pieces().size() - 1) instanceof Part.Text t && t.text().endsWith("/"),
                part.weight(), edgeCount++, new Node(), shortcut(part, singleVariable));
        node.edges.add(edge);
        return edge.target();
    }
}
