package dev.carafe.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One walk through the {@link Trie} for a method, domain and path: static children first, then
 * variable edges in priority order, backtracking when a branch fails, as Werkzeug's state machine does.
 * It remembers the methods of rules that matched the path but not the method (for 405), and whether
 * the only match needs a trailing slash (for the 308 redirect).
 */
final class Search {

    private final String method;
    private final String path;
    private final Object[] values;
    private int count;
    private Set<String> allowed;
    boolean slashRequired;

    Search(String method, String path, int maxVariables) {
        this.method = method;
        this.path = path;
        this.values = new Object[maxVariables];
    }

    Object[] values() {
        return values;
    }

    /** The methods seen on rules that matched the path but not the method; empty when none. */
    Set<String> allowed() {
        return allowed == null ? Set.of() : allowed;
    }

    /** Finds the rule for {@code domain} and the path from {@code start} (after the leading slashes). */
    CompiledRule find(Trie.Node root, String domain, int start) {
        Trie.Node node = root.statics.get(domain);
        if (node != null) {
            CompiledRule found = walk(node, start);
            if (found != null || slashRequired) {
                return found;
            }
        }
        for (Trie.Edge edge : root.sortedEdges) {
            Matcher m = edge.pattern().matcher(domain);
            int mark = count;
            if (m.matches() && convert(edge, m, domain)) {
                CompiledRule found = walk(edge.target(), start);
                if (found != null || slashRequired) {
                    return found;
                }
            }
            count = mark;
        }
        return root.anyDomain == null ? null : walk(root.anyDomain, start);
    }

    private CompiledRule walk(Trie.Node node, int start) {
        if (start < 0) {
            return atEnd(node);
        }
        int end = path.indexOf('/', start);
        if (end < 0) {
            end = path.length();
        }
        int next = end < path.length() ? end + 1 : -1;
        String segment = path.substring(start, end);
        Trie.Node child = node.statics.get(segment);
        if (child != null) {
            CompiledRule found = walk(child, next);
            if (found != null || slashRequired) {
                return found;
            }
        }
        for (Trie.Edge edge : node.sortedEdges) {
            int mark = count;
            String text = edge.spanning() ? path.substring(start) : segment;
            Matcher m = edge.shortcut() == Trie.Shortcut.NONE ? edge.pattern().matcher(text) : null;
            if (m == null ? shortcutMatches(edge.shortcut(), text) : m.matches()) {
                if (convert(edge, m, text)) {
                    CompiledRule found = walk(edge.target(), edge.spanning() ? -1 : next);
                    if (found != null || slashRequired) {
                        return found;
                    }
                }
            } else if (edge.endsWithSlash() && !text.endsWith("/")) {
                CompiledRule found = slashSuffix(edge, text + "/");
                if (found != null || slashRequired) {
                    return found;
                }
            }
            count = mark;
        }
        if (segment.isEmpty() && next < 0) {
            for (CompiledRule rule : node.rules) {
                if (!rule.rule.strictSlashes() && take(rule)) {
                    return rule;
                }
            }
        }
        return null;
    }

    /** A segment-spanning rule ending in '/' matched once the slash is added: redirect, or match when not strict. */
    private CompiledRule slashSuffix(Trie.Edge edge, String text) {
        Matcher m = edge.pattern().matcher(text);
        if (!m.matches() || !convert(edge, m, text)) {
            return null;
        }
        return slashRule(edge.target().rules);
    }

    /** The first rule accepting the method among rules that need one more slash: it, or a redirect when strict. */
    private CompiledRule slashRule(List<CompiledRule> rules) {
        for (CompiledRule rule : rules) {
            if (rule.accepts(method)) {
                if (rule.rule.strictSlashes()) {
                    slashRequired = true;
                    return null;
                }
                return rule;
            }
        }
        return null;
    }

    private CompiledRule atEnd(Trie.Node node) {
        for (CompiledRule rule : node.rules) {
            if (take(rule)) {
                return rule;
            }
        }
        Trie.Node slash = node.statics.get("");
        return slash == null ? null : slashRule(slash.rules);
    }

    /** True when the rule accepts the method; otherwise notes its methods for the 405 answer. */
    private boolean take(CompiledRule rule) {
        if (rule.accepts(method)) {
            return true;
        }
        if (allowed == null) {
            allowed = new HashSet<>();
        }
        allowed.addAll(rule.accepted);
        return false;
    }

    private static boolean shortcutMatches(Trie.Shortcut shortcut, String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (shortcut == Trie.Shortcut.DIGITS) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean convert(Trie.Edge edge, Matcher m, String text) {
        String[] groups = edge.groups();
        int n = edge.variables().size();
        for (int i = 0; i < n; i++) {
            String raw = groups == null ? text : m.group(groups[i]);
            try {
                values[count++] = edge.variables().get(i).converter().fromUrl(raw);
            } catch (IllegalArgumentException rejected) {
                return false;
            }
        }
        return true;
    }
}
