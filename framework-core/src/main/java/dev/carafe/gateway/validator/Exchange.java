package dev.carafe.gateway.validator;

import dev.carafe.gateway.Header;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the validator knows about one request while it is being answered. */
final class Exchange {

    final Consumer<String> warnings;
    final boolean head;
    private String status;
    private List<Header> headers = List.of();
    private long bytes;
    boolean iterating;
    volatile boolean closed;

    Exchange(Consumer<String> warnings, boolean head) {
        this.warnings = warnings;
        this.head = head;
    }

    boolean started() {
        return status != null;
    }

    /** The status line of the current response; only after {@link #started()}. */
    String status() {
        return status;
    }

    void respond(String newStatus, List<Header> newHeaders) {
        status = newStatus;
        headers = List.copyOf(newHeaders);
    }

    int code() {
        return Integer.parseInt(status.substring(0, 3));
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    void count(byte[] chunk) {
        bytes += chunk.length;
    }

    long bytes() {
        return bytes;
    }
}
