package dev.carafe.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public records of framework-core are values: a method that returns a changed copy is named
 * {@code withX}, never {@code x(value)}, which reads like a setter beside the accessor {@code x()};
 * called as a statement, such a copy is silently dropped.
 */
class RecordWithersTest {

    @Test
    void noPublicRecordHasAOneArgumentMethodNamedAfterOneOfItsComponents() throws Exception {
        Path classes = SourceTree.root().resolve("framework-core/target/classes");
        List<String> violations = new ArrayList<>();
        int records = 0;
        for (Path file : ClassReferences.classFiles(classes)) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            records++;
            for (RecordComponent component : type.getRecordComponents()) {
                for (Method method : type.getMethods()) {
                    if (method.getName().equals(component.getName()) && method.getParameterCount() > 0) {
                        violations.add(type.getName() + "." + method.getName() + " takes arguments; name the copy "
                                + "with" + Character.toUpperCase(method.getName().charAt(0))
                                + method.getName().substring(1));
                    }
                }
            }
        }
        assertTrue(records > 10, "public records were found under " + classes + ": " + records);
        assertEquals(List.of(), violations);
    }
}
