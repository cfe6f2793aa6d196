package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Two Apps, two servers, two tests in one JVM must never share state: no static field may be mutable. */
class NoStaticMutableStateTest {

    /** A field declaration that is static but not final (methods and classes have parentheses or braces). */
    private static final Pattern STATIC_FIELD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|volatile|transient)\\s+)*static\\s+"
                    + "(?:(?:volatile|transient)\\s+)*(?!final\\b|class\\b|interface\\b|enum\\b|record\\b|abstract\\b)"
                    + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*(=|;)",
            Pattern.MULTILINE);

    @Test
    void noMainSourceDeclaresAStaticFieldThatIsNotFinal() {
        List<String> violations = new ArrayList<>();
        for (String module : List.of("framework-routing", "framework-core", "framework-templates", "sample-app")) {
            for (Path file : SourceTree.files(SourceTree.root().resolve(module + "/src/main/java"), ".java")) {
                Matcher m = STATIC_FIELD.matcher(SourceTree.read(file));
                while (m.find()) {
                    violations.add(SourceTree.relative(file) + ": '" + m.group().strip()
                            + "' is static mutable state; make it final and immutable, or an instance field");
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
