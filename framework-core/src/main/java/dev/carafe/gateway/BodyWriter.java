package dev.carafe.gateway;

import java.io.IOException;

/**
 * The imperative writer that {@link StartResponse#start} returns: PEP 3333's {@code write()}.
 *
 * <p>Carafe keeps it because Java code often produces output imperatively (a template engine
 * rendering to a stream, a JSON generator) and would otherwise need a second thread or a full
 * buffer to turn that into an iterable. Bytes passed to {@code write} are sent exactly as if they
 * had been yielded by the body, before any chunk of the returned iterable; the call returns once
 * the bytes are sent or queued. An application must still return a body (an empty list when all
 * output went through the writer), must not write from inside its body's iteration, and must not
 * write after its body was closed.
 */
@FunctionalInterface
public interface BodyWriter {

    /**
     * Sends bytes of the response body.
     *
     * @param chunk the bytes to send; an empty array sends nothing
     * @throws IOException if the client went away or the bytes could not be sent
     */
    void write(byte[] chunk) throws IOException;
}
