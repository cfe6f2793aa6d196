package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the docs is compiled code. A {@code ```java} block in {@code docs/} or
 * {@code README.md} must follow a marker line {@code <!-- snippet: PATH#TAG -->} naming a source
 * file under some module's {@code src/main/java} or {@code src/test/java} (which Maven compiles)
 * and a region in it between {@code // tag::TAG[]} and {@code // end::TAG[]}; the block must equal
 * that region, indentation removed.
 */
class DocSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*snippet:\\s*(\\S+?)#(\\S+?)\\s*-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockInTheDocsIsARegionOfACompiledSourceFile() {
        Path root = SourceTree.root();
        List<Path> pages = new ArrayList<>(SourceTree.files(root.resolve("docs"), ".md"));
        pages.add(root.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            if (!Files.isRegularFile(page)) {
                continue;
            }
            Matcher m = BLOCK.matcher(SourceTree.read(page));
            while (m.find()) {
                String where = SourceTree.relative(page) + " (block starting '" + firstLine(m.group(3)) + "')";
                if (m.group(1) == null) {
                    problems.add(where + ": a java block without a '<!-- snippet: PATH#TAG -->' line above it;"
                            + " put the code in a compiled source file between // tag::TAG[] and // end::TAG[]"
                            + " and name it in the marker");
                    continue;
                }
                String path = m.group(1);
                if (!path.matches("[\\w.-]+/src/(main|test)/java/.+\\.java")) {
                    problems.add(where + ": snippet source '" + path + "' is not under MODULE/src/main/java or "
                            + "MODULE/src/test/java, so nothing compiles it");
                    continue;
                }
                Path source = root.resolve(path);
                if (!Files.isRegularFile(source)) {
                    problems.add(where + ": snippet source '" + path + "' does not exist");
                    continue;
                }
                String region = region(SourceTree.read(source), m.group(2));
                if (region == null) {
                    problems.add(where + ": '" + path + "' has no region // tag::" + m.group(2) + "[] ... // end::"
                            + m.group(2) + "[]");
                } else if (!normalize(region).equals(normalize(m.group(3)))) {
                    problems.add(where + ": differs from region '" + m.group(2) + "' of " + path
                            + "; copy the region again. Expected:\n" + dedent(region));
                }
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 0, "the docs hold no java snippet at all; README's hello world should be one");
    }

    static String region(String source, String tag) {
        String start = "// tag::" + tag + "[]";
        String end = "// end::" + tag + "[]";
        int s = source.indexOf(start);
        if (s < 0) {
            return null;
        }
        int from = source.indexOf('\n', s) + 1;
        int e = source.indexOf(end, from);
        if (e < 0) {
            return null;
        }
        int to = source.lastIndexOf('\n', e) + 1;
        return source.substring(from, to);
    }

    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static String normalize(String text) {
        return dedent(text).strip().replaceAll("[ \\t]+\\n", "\n");
    }

    private static String firstLine(String block) {
        return block.lines().findFirst().orElse("").strip();
    }
}
