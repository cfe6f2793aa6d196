package dev.carafe.gateway.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A host exchange that records what it is asked to send; it can play a client that went away. */
final class RecordingExchange implements HostExchange {

    final List<ResponseHead> heads = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final List<String> logged = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    private final IOException writeFailure;

    RecordingExchange() {
        this(null);
    }

    /** @param writeFailure thrown from every write, as a host does once the client is gone */
    RecordingExchange(IOException writeFailure) {
        this.writeFailure = writeFailure;
    }

    @Override
    public void commit(ResponseHead head) {
        heads.add(head);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (writeFailure != null) {
            throw writeFailure;
        }
        body.write(bytes, offset, length);
    }

    @Override
    public void log(String message, Throwable error) {
        logged.add(message);
        errors.add(error);
    }

    ResponseHead head() {
        if (heads.size() != 1) {
            throw new AssertionError("expected one committed head, got " + heads);
        }
        return heads.get(0);
    }
}
