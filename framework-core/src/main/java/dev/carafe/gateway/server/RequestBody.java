package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The {@code gateway.input} stream: the decoded request body, ending where the body ends. Its first
 * read sends {@code 100 Continue} when the client asked for it; {@link #close()} does nothing (apps
 * never close it); the server drains what the application left unread before the next request.
 */
final class RequestBody extends InputStream {

    /** Sends the interim {@code 100 Continue} response; called at most once. */
    @FunctionalInterface
    interface Continue {
        void send() throws IOException;
    }

    private final BodySource source;
    private Continue interim;
    private boolean ended;
    private BodyException failure;
    private boolean clientClosed;

    RequestBody(BodySource source, Continue interim) {
        this.source = source;
        this.interim = interim;
    }

    /** A body that is empty from the start. */
    static RequestBody empty() {
        RequestBody empty = new RequestBody(BodySource.EMPTY, null);
        empty.ended = true;
        return empty;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (ended) {
            return -1;
        }
        if (failure != null) {
            throw failure;
        }
        if (interim != null) {
            Continue send = interim;
            interim = null;
            send.send();
        }
        try {
            int count = source.read(b, off, len);
            if (count < 0) {
                ended = true;
            }
            return count;
        } catch (BodyException e) {
            failure = e;
            throw e;
        } catch (ClientClosedException e) {
            clientClosed = true;
            throw e;
        } catch (ReadTimeoutException e) {
            failure = new BodyException(408, "The client stopped sending the request body.");
            throw failure;
        }
    }

    /** Gives up on sending {@code 100 Continue}: the final response has started. */
    void withdrawContinue() {
        interim = null;
    }

    /** @return whether the client still waits for a {@code 100 Continue} that was never sent */
    boolean continuePending() {
        return interim != null;
    }

    /** @return whether the client closed the connection before the body ended */
    boolean clientClosed() {
        return clientClosed;
    }

    /** @return the body error the application ran into, if any */
    Optional<BodyException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Reads and discards the rest of the body, so the next request starts at the right byte.
     *
     * @param limit the most bytes to discard
     * @return true if the body ended within the limit; false if the connection must be closed
     */
    boolean drain(long limit) {
        if (ended) {
            return true;
        }
        if (failure != null || interim != null || clientClosed) {
            return false;
        }
        byte[] scrap = new byte[8192];
        long discarded = 0;
        try {
            while (discarded <= limit) {
                int count = source.read(scrap, 0, scrap.length);
                if (count < 0) {
                    ended = true;
                    return true;
                }
                discarded += count;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Does nothing: the server owns the connection. */
    @Override
    public void close() {
    }
}
