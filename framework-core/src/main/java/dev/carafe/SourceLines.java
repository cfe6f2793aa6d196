package dev.carafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source lines around a stack frame, for the debug page: the frame's file is looked for under
 * each source root in turn ({@code DEBUG_SOURCE_ROOTS}, by default {@code src/main/java} of the
 * working directory) at its package's path, {@code com/example/Blog.java} for a frame of
 * {@code com.example.Blog$Form} in {@code Blog.java}. Files that are missing, unreadable, not
 * UTF-8 or larger than 1 MB are skipped. One instance serves one page and reads each file once.
 */
final class SourceLines {

    /** Lines shown before and after the frame's line. */
    static final int CONTEXT = 5;

    private static final long MAX_FILE_BYTES = 1 << 20;

    /**
     * Lines of a source file around a frame's line.
     *
     * @param file the file found
     * @param firstLine the number of the first line shown, from 1
     * @param line the frame's line number
     * @param lines the lines shown
     */
    record Excerpt(Path file, int firstLine, int line, List<String> lines) {
    }

    private final List<Path> roots;
    private final Map<Path, Optional<List<String>>> files = new HashMap<>();

    SourceLines(List<Path> roots) {
        this.roots = roots;
    }

    /**
     * @param frame a stack frame
     * @return the lines around its line, or empty when its source cannot be found
     */
    Optional<Excerpt> around(StackTraceElement frame) {
        String fileName = frame.getFileName();
        if (fileName == null || frame.getLineNumber() <= 0 || fileName.contains("/") || fileName.contains("\\")) {
            return Optional.empty();
        }
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        String relative = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + fileName;
        for (Path root : roots) {
            Path file = root.resolve(relative);
            Optional<List<String>> text = files.computeIfAbsent(file, SourceLines::read);
            if (text.isPresent() && frame.getLineNumber() <= text.get().size()) {
                List<String> lines = text.get();
                int first = Math.max(1, frame.getLineNumber() - CONTEXT);
                int last = Math.min(lines.size(), frame.getLineNumber() + CONTEXT);
                return Optional.of(new Excerpt(file, first, frame.getLineNumber(), lines.subList(first - 1, last)));
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
