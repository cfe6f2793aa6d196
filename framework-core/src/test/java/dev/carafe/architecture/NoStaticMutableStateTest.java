package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two Apps, two servers, two tests in one JVM must never share state: no static field may be
 * mutable, neither one that is not final nor a final one holding a mutable object.
 */
class NoStaticMutableStateTest {

    /** Annotations before a declaration's modifiers, as in {@code @Deprecated static int count;}. */
    private static final String ANNOTATIONS = "(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*";

    /** A field declaration that is static but not final (methods and classes have parentheses or braces). */
    private static final Pattern STATIC_FIELD = Pattern.compile(
            "^\\s*" + ANNOTATIONS + "(?:(?:public|protected|private|volatile|transient)\\s+)*static\\s+"
                    + "(?:(?:volatile|transient)\\s+)*(?!final\\b|class\\b|interface\\b|enum\\b|record\\b|abstract\\b)"
                    + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*(=|;)",
            Pattern.MULTILINE);

    /** A static final field initialized with a new mutable object: a collection, a builder, an atomic. */
    private static final Pattern STATIC_FINAL_MUTABLE = Pattern.compile(
            "^\\s*" + ANNOTATIONS + "((?:(?:public|protected|private|static|final|transient)\\s+)+)"
                    + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*=\\s*new\\s+(?:[\\w]+\\.)*"
                    + "(?:ArrayList|LinkedList|HashMap|LinkedHashMap|TreeMap|IdentityHashMap|WeakHashMap|HashSet|"
                    + "LinkedHashSet|TreeSet|ArrayDeque|PriorityQueue|ConcurrentHashMap|ConcurrentLinkedQueue|"
                    + "ConcurrentLinkedDeque|CopyOnWriteArrayList|CopyOnWriteArraySet|StringBuilder|StringBuffer|"
                    + "Atomic\\w+|LongAdder|ThreadLocal)\\b",
            Pattern.MULTILINE);

    /** The one static holder allowed: the request context of the current thread, per thread by design. */
    private static final List<String> ALLOWED = List.of(
            "framework-core/src/main/java/dev/carafe/RequestContext.java: CURRENT");

    @Test
    void noMainSourceDeclaresAStaticFieldThatIsNotFinalOrHoldsAMutableObject() {
        List<String> violations = new ArrayList<>();
        for (String module : List.of("framework-routing", "framework-core", "framework-templates", "sample-app")) {
            for (Path file : SourceTree.files(SourceTree.root().resolve(module + "/src/main/java"), ".java")) {
                violations.addAll(violations(SourceTree.relative(file), SourceTree.read(file)));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckFindsAnnotatedFieldsAndFinalFieldsHoldingMutableObjects() {
        String source = """
                class Probe {
                    @Deprecated static int counter;
                    private static final java.util.List<String> SEEN = new java.util.ArrayList<>();
                    static final AtomicLong NEXT = new AtomicLong();
                    private static final List<String> NAMES = List.of("a");
                    private final List<String> own = new ArrayList<>();
                    static String name() { return "x"; }
                }
                """;
        assertEquals(3, violations("Probe.java", source).size(), String.valueOf(violations("Probe.java", source)));
    }

    private static List<String> violations(String file, String source) {
        List<String> found = new ArrayList<>();
        Matcher field = STATIC_FIELD.matcher(source);
        while (field.find()) {
            found.add(file + ": '" + field.group().strip() + "' is static mutable state; make it final and immutable, "
                    + "or an instance field");
        }
        Matcher holder = STATIC_FINAL_MUTABLE.matcher(source);
        while (holder.find()) {
            String modifiers = holder.group(1);
            String declaration = holder.group().strip();
            String name = declaration.replaceAll("\\s*=.*", "").replaceAll(".*\\s", "");
            if (modifiers.contains("static") && modifiers.contains("final") && !ALLOWED.contains(file + ": " + name)) {
                found.add(file + ": '" + declaration + "' holds a mutable object in a static field; make it an "
                        + "instance field, or an immutable value (List.of, Map.of)");
            }
        }
        return found;
    }
}
