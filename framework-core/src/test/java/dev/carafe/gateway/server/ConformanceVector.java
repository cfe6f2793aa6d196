package dev.carafe.gateway.server;

import java.util.Optional;

/**
 * One conformance case: the exact bytes to send, what Carafe must do with them, and on which server.
 *
 * @param suite {@code gunicorn-valid}, {@code gunicorn-invalid} or {@code llhttp}
 * @param id the vector's name within its suite, for example {@code 018} or {@code sample.md#7}
 * @param title a human description (the file or the llhttp heading)
 * @param bytes the bytes to send, exactly
 * @param outcome what the server must answer
 * @param profile the settings the server must have
 * @param endOfInput whether the client ends its side after sending (a vector that stops mid-request)
 * @param skip why the vector is not run, if it is not
 * @param note how Carafe's expectation differs from the suite's, or how the vector was adapted
 */
record ConformanceVector(String suite, String id, String title, byte[] bytes, ConformanceOutcome outcome,
        ConformanceProfile profile, boolean endOfInput, Optional<String> skip, Optional<String> note) {

    /** @return the name shown for the dynamic test and in the report */
    String name() {
        return suite + " " + id;
    }

    ConformanceVector skipped(String reason) {
        return new ConformanceVector(suite, id, title, bytes, outcome, profile, endOfInput, Optional.of(reason), note);
    }

    ConformanceVector expecting(ConformanceOutcome changed, String why) {
        return new ConformanceVector(suite, id, title, bytes, changed, profile, endOfInput, skip, Optional.of(why));
    }

    ConformanceVector endingInput() {
        return new ConformanceVector(suite, id, title, bytes, outcome, profile, true, skip, note);
    }

    ConformanceVector on(ConformanceProfile changed) {
        return new ConformanceVector(suite, id, title, bytes, outcome, changed, endOfInput, skip, note);
    }

    ConformanceVector renamed(String suffix, String why) {
        return new ConformanceVector(suite, id + suffix, title, bytes, outcome, profile, endOfInput, skip,
                why.isEmpty() ? note : Optional.of(note.map(n -> n + "; ").orElse("") + why));
    }
}
