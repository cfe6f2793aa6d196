package dev.carafe.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a compiled class file refers to, read from its constant pool (JVMS §4.4): every
 * class, field type, method signature, annotation and generic signature it names, however the
 * source spelled it (an import, a fully qualified name, a {@code var} whose type was inferred):
 * what an import check cannot see. A string constant that is a whole class name
 * ({@code Class.forName("dev.carafe.App")}) counts too; a name inside a sentence does not.
 */
final class ClassReferences {

    /** A binary class name inside a descriptor or a class entry: {@code dev/carafe/App}. */
    private static final Pattern BINARY_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)+");
    /** A class in a type descriptor anywhere, such as an annotation's or a generic signature's. */
    /** A string constant that is nothing but a dotted class name of two or more parts. */
    private static final Pattern CLASS_NAME_STRING = Pattern.compile("[a-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");
    private static final Pattern DESCRIBED = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)+)[;<]");

    private ClassReferences() {
    }

    /** @return the class files below {@code dir} (a compiler's output directory), sorted */
    static List<Path> classFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(file -> file.getFileName().toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the referenced classes in dotted form ({@code dev.carafe.App}), sorted */
    static Set<String> of(Path classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(classFile)))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            Set<Integer> names = new TreeSet<>();
            Set<Integer> strings = new TreeSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> names.add(in.readUnsignedShort());       // Class: its name
                    case 12 -> {                                        // NameAndType: the descriptor
                        in.readUnsignedShort();
                        names.add(in.readUnsignedShort());
                    }
                    case 16 -> names.add(in.readUnsignedShort());      // MethodType: the descriptor
                    case 8 -> strings.add(in.readUnsignedShort());     // String: its text
                    case 19, 20 -> in.readUnsignedShort();             // Module, Package
                    case 15 -> {                                        // MethodHandle
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();      // Integer, Float, refs, dynamic
                    case 5, 6 -> {                                      // Long, Double: two slots
                        in.readLong();
                        i++;
                    }
                    default -> throw new IllegalArgumentException(classFile + ": unknown constant tag " + tag);
                }
            }
            Set<String> referenced = new TreeSet<>();
            for (int index : names) {
                Matcher m = BINARY_NAME.matcher(utf8[index]);
                while (m.find()) {
                    referenced.add(m.group().replace('/', '.'));
                }
            }
            for (int index : strings) {
                if (CLASS_NAME_STRING.matcher(utf8[index]).matches()) {
                    referenced.add(utf8[index]);
                }
            }
            for (String text : utf8) {
                Matcher m = text == null ? null : DESCRIBED.matcher(text);
                while (m != null && m.find()) {
                    referenced.add(m.group(1).replace('/', '.'));
                }
            }
            return referenced;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
