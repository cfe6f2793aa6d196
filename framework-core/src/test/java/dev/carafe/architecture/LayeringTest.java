package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layering server → gateway → app, checked on the source text: each rule names the packages
 * it covers and the imports they may not use.
 */
class LayeringTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void theGatewayImportsNothingOfTheFrameworkRoutingOrTheirLibraries() {
        List<String> violations = violations(
                "framework-core/src/main/java/dev/carafe/gateway",
                imported -> imported.startsWith("dev.carafe.") && !imported.startsWith("dev.carafe.gateway")
                        || imported.startsWith("tools.jackson")
                        || imported.startsWith("com.fasterxml")
                        || imported.startsWith("io.pebbletemplates"),
                "the gateway (dev.carafe.gateway and below) depends on the JDK only; move the code to the "
                        + "framework (dev.carafe) or pass what it needs through the environ");
        assertEquals(List.of(), violations);
    }

    @Test
    void theGatewaysCompiledClassesReferToNothingOfTheFrameworkEither() {
        // The import check above misses a fully qualified name in the source; the class files do not.
        Path classes = SourceTree.root().resolve("framework-core/target/classes/dev/carafe/gateway");
        List<Path> files = ClassReferences.classFiles(classes);
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            for (String referenced : ClassReferences.of(file)) {
                if (referenced.startsWith("dev.carafe.") && !referenced.startsWith("dev.carafe.gateway.")
                        || referenced.startsWith("tools.jackson") || referenced.startsWith("com.fasterxml")
                        || referenced.startsWith("io.pebbletemplates")) {
                    violations.add(SourceTree.relative(file) + " refers to " + referenced
                            + ": the gateway depends on the JDK only");
                }
            }
        }
        assertTrue(files.size() > 100, "the gateway's class files were found under " + classes);
        assertTrue(files.stream().anyMatch(file -> ClassReferences.of(file).contains("dev.carafe.gateway.Application")),
                "the reader finds the gateway's own references, so it would find the framework's");
        assertEquals(List.of(), violations);
    }

    @Test
    void theGatewayContractPackageImportsOnlyTheJdk() {
        List<String> violations = new ArrayList<>();
        for (Path file : SourceTree.files(
                SourceTree.root().resolve("framework-core/src/main/java/dev/carafe/gateway"), ".java")) {
            if (!file.getParent().endsWith("dev/carafe/gateway")) {
                continue;
            }
            Matcher m = IMPORT.matcher(SourceTree.read(file));
            while (m.find()) {
                if (!m.group(1).startsWith("java.")) {
                    violations.add(SourceTree.relative(file) + " imports " + m.group(1)
                            + ": the contract package dev.carafe.gateway may import java.* only");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheServletAdapterSeesTheServletApi() {
        List<String> violations = violations(
                "framework-core/src/main/java",
                imported -> imported.startsWith("jakarta.servlet"),
                "only dev.carafe.gateway.servlet may import jakarta.servlet (it is a 'provided' dependency)",
                "dev/carafe/gateway/servlet/");
        assertEquals(List.of(), violations);
    }

    @Test
    void routingDependsOnTheJdkOnly() {
        List<String> violations = violations(
                "framework-routing/src/main/java",
                imported -> !imported.startsWith("java.") && !imported.startsWith("dev.carafe.routing"),
                "framework-routing is pure: it may import java.* and dev.carafe.routing only");
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheTemplatesModuleSeesPebble() {
        List<String> violations = new ArrayList<>();
        for (String module : List.of("framework-routing", "framework-core", "sample-app")) {
            violations.addAll(violations(module + "/src/main/java",
                    imported -> imported.startsWith("io.pebbletemplates"),
                    "Pebble stays behind framework-templates' adapter"));
        }
        assertEquals(List.of(), violations);
    }

    private static List<String> violations(String dir, java.util.function.Predicate<String> forbidden,
            String rule, String... exemptDirs) {
        List<String> violations = new ArrayList<>();
        for (Path file : SourceTree.files(SourceTree.root().resolve(dir), ".java")) {
            String name = SourceTree.relative(file);
            boolean exempt = false;
            for (String e : exemptDirs) {
                exempt |= name.contains(e);
            }
            if (exempt) {
                continue;
            }
            Matcher m = IMPORT.matcher(SourceTree.read(file));
            while (m.find()) {
                if (forbidden.test(m.group(1))) {
                    violations.add(name + " imports " + m.group(1) + ": " + rule);
                }
            }
        }
        return violations;
    }
}
