package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public API is a budget: every public type of the framework's modules is listed in
 * {@code public-api.txt} beside this test, so that adding one (or making one public) is a decision a
 * reviewer sees in the diff, not a side effect. When this test fails, make the type package-private
 * if users need not name it; otherwise add it to the list in the same change.
 */
class PublicApiTest {

    private static final List<String> MODULES = List.of("framework-routing", "framework-core", "framework-templates");

    /** A public type declaration, top level or nested (nested ones are indented). */
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^(\\s*)public\\s+(?:(?:static|final|abstract|sealed|non-sealed)\\s+)*(class|interface|record|enum|@interface)"
                    + "\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyPublicTypeIsInTheListAndEveryListedTypeExists() {
        List<String> listed = SourceTree.read(SourceTree.root()
                .resolve("framework-core/src/test/resources/dev/carafe/architecture/public-api.txt")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertEquals(String.join("\n", listed), String.join("\n", publicTypes()),
                "The public types differ from framework-core/src/test/resources/dev/carafe/architecture/public-api.txt: "
                        + "make a new type package-private unless users must name it, or update the list.");
    }

    /** Every public type as {@code package.Outer.Nested}, in source order per file, files sorted. */
    private static List<String> publicTypes() {
        List<String> types = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = SourceTree.root().resolve(module + "/src/main/java");
            for (Path file : SourceTree.files(sources, ".java")) {
                String source = SourceTree.read(file);
                String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                List<String> enclosing = new ArrayList<>();
                Matcher m = PUBLIC_TYPE.matcher(source);
                while (m.find()) {
                    int depth = m.group(1).replace("\n", "").length() / 4;
                    if (depth > enclosing.size()) {
                        continue;   // inside a type that is not public: not API
                    }
                    enclosing.subList(depth, enclosing.size()).clear();
                    enclosing.add(m.group(3));
                    types.add(pkg + "." + String.join(".", enclosing));
                }
            }
        }
        return types;
    }
}
