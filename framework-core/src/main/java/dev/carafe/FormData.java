package dev.carafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed form of a request: its fields and its uploaded files. Closing it deletes the
 * temporary files of uploads spooled to disk; the App closes it when the request ends.
 *
 * @param fields the non-file fields, in order, labelled {@code "form"}
 * @param files the uploaded files by field name, in order
 */
record FormData(MultiMap fields, Map<String, List<UploadedFile>> files) implements AutoCloseable {

    private static final FormData EMPTY = new FormData(MultiMap.empty("form"), Map.of());

    FormData {
        Map<String, List<UploadedFile>> copy = new LinkedHashMap<>();
        files.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        files = Collections.unmodifiableMap(copy);
    }

    /** Returns a form without fields or files. */
    static FormData empty() {
        return EMPTY;
    }

    /**
     * Deletes every temporary file (those moved away by {@code transferTo} are kept); tries all
     * of them even if one fails.
     *
     * @throws UncheckedIOException with the first failure, the others suppressed
     */
    @Override
    public void close() {
        IOException failure = null;
        for (List<UploadedFile> list : files.values()) {
            for (UploadedFile file : list) {
                try {
                    file.delete();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("Cannot delete the temporary file of an upload", failure);
        }
    }
}
