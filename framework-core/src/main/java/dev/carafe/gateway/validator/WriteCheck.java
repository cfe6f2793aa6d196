package dev.carafe.gateway.validator;

import dev.carafe.gateway.BodyWriter;
import java.io.IOException;

/** Rule 35: the legacy writer returned by start, used only outside the body's iteration and before close. */
final class WriteCheck implements BodyWriter {

    private final BodyWriter server;
    private final Exchange exchange;

    WriteCheck(BodyWriter server, Exchange exchange) {
        this.server = server;
        this.exchange = exchange;
    }

    @Override
    public void write(byte[] chunk) throws IOException {
        if (chunk == null) {
            throw Rule.WRITE.violation("write() was called with null; expected a byte[] (new byte[0] to send "
                    + "nothing). Pass the bytes to send.");
        }
        if (exchange.closed) {
            throw Rule.WRITE.violation("write() was called with " + chunk.length + " bytes after the body was "
                    + "closed; expected every write before the server closes the body. Write the bytes before "
                    + "returning the body, or yield them from it.");
        }
        if (exchange.iterating) {
            throw Rule.WRITE.violation("write() was called with " + chunk.length + " bytes from inside the body's "
                    + "iteration; expected writes only before the body is returned. Yield the bytes from the body "
                    + "instead.");
        }
        exchange.count(chunk);
        server.write(chunk);
    }
}
