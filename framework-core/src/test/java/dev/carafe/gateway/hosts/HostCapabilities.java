package dev.carafe.gateway.hosts;

/**
 * What a host does where the contract or the host's own API leaves a choice. The kit asserts the
 * behaviour each flag promises, and the opposite where the flag is false, so no case is skipped
 * silently.
 *
 * @param setsReasonPhrase the application's reason phrase reaches the client (the JDK server and
 *     Servlet 6 containers send their own)
 * @param computesOneChunkLength a body that is a one-element collection is sent with a computed
 *     Content-Length instead of chunked
 * @param continuesBeforeTheApplicationReads {@code 100 Continue} goes out before the application
 *     reads the body (even if it never does), rather than on its first read
 * @param keepsNotModifiedLength a {@code 304} keeps the application's Content-Length (the length
 *     of the representation it stands for)
 */
record HostCapabilities(boolean setsReasonPhrase, boolean computesOneChunkLength,
        boolean continuesBeforeTheApplicationReads, boolean keepsNotModifiedLength) {

    /** What the adapters do unless a host says otherwise (Jetty does exactly this). */
    static final HostCapabilities ADAPTER = new HostCapabilities(false, true, false, true);

    /** @return these capabilities, with the application's reason phrase sent */
    HostCapabilities withReasonPhrase() {
        return new HostCapabilities(true, computesOneChunkLength, continuesBeforeTheApplicationReads,
                keepsNotModifiedLength);
    }

    /** @return these capabilities, with {@code 100 Continue} sent before the application runs */
    HostCapabilities withEagerContinue() {
        return new HostCapabilities(setsReasonPhrase, computesOneChunkLength, true, keepsNotModifiedLength);
    }

    /** @return these capabilities, with the Content-Length of a {@code 304} dropped by the host */
    HostCapabilities withoutNotModifiedLength() {
        return new HostCapabilities(setsReasonPhrase, computesOneChunkLength, continuesBeforeTheApplicationReads,
                false);
    }
}
