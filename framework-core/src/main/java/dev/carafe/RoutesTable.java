package dev.carafe;

import dev.carafe.routing.Router;
import dev.carafe.routing.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table the {@code routes} command prints, as {@code flask routes} does: a row per rule (and per
 * alias, which Flask registers as a rule of its own), the columns Endpoint, Methods and Rule (with
 * Host or Subdomain between the last two when a rule has one) aligned under a row of dashes, the
 * methods sorted and, unless all are asked for, without {@code HEAD} and {@code OPTIONS}.
 */
final class RoutesTable {

    /** The values of {@code --sort}; rows of equal keys keep their registration order. */
    static final List<String> SORTS = List.of("endpoint", "methods", "rule");

    private static final Set<String> IMPLIED = Set.of("HEAD", "OPTIONS");

    private RoutesTable() {
    }

    /** One row: the cells of the columns. */
    private record Row(String endpoint, String methods, String domain, String rule) {

        String key(String sort) {
            return switch (sort) {
                case "methods" -> methods;
                case "rule" -> rule;
                default -> endpoint;
            };
        }
    }

    /**
     * The table, one line per row, each ending with a newline.
     *
     * @param router the App's router
     * @param sort one of {@link #SORTS}
     * @param allMethods whether to show {@code HEAD} and {@code OPTIONS} too
     * @return the lines, or {@code No routes were registered.} for an App without rules
     */
    static String render(Router router, String sort, boolean allMethods) {
        List<Rule> rules = router.rules();
        if (rules.isEmpty()) {
            return "No routes were registered.\n";
        }
        String domainHeader = rules.stream().anyMatch(r -> r.host().isPresent()) ? "Host"
                : rules.stream().anyMatch(r -> r.subdomain().isPresent()) ? "Subdomain" : "";
        List<Row> rows = new ArrayList<>();
        for (Rule rule : rules) {
            rows.add(row(rule.endpoint(), rule, allMethods));
        }
        for (Map.Entry<String, String> alias : router.aliases().entrySet()) {
            rules.stream().filter(r -> r.endpoint().equals(alias.getValue()))
                    .forEach(rule -> rows.add(row(alias.getKey(), rule, allMethods)));
        }
        rows.sort(Comparator.comparing(row -> row.key(sort)));
        List<List<String>> lines = new ArrayList<>();
        lines.add(cells(new Row("Endpoint", "Methods", domainHeader, "Rule"), !domainHeader.isEmpty()));
        rows.forEach(row -> lines.add(cells(row, !domainHeader.isEmpty())));
        int[] widths = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width));
        }
        lines.add(1, dashes);
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder printed = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                printed.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
            }
            text.append(printed.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static Row row(String endpoint, Rule rule, boolean allMethods) {
        Set<String> methods = new TreeSet<>(rule.methods());
        if (allMethods) {
            methods.add("OPTIONS");
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
        } else {
            methods.removeAll(IMPLIED);
        }
        String domain = rule.host().or(rule::subdomain).orElse("");
        return new Row(endpoint, String.join(", ", methods), domain, rule.pattern());
    }

    private static List<String> cells(Row row, boolean withDomain) {
        return withDomain ? List.of(row.endpoint(), row.methods(), row.domain(), row.rule())
                : List.of(row.endpoint(), row.methods(), row.rule());
    }
}
