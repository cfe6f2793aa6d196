package dev.carafe.gateway.hosts;

/**
 * What a host can do where the contract or the host's own API leaves a choice. The kit asserts
 * the behaviour each flag promises, and the opposite where the flag is false, so no case is
 * skipped silently.
 *
 * @param setsReasonPhrase the application's reason phrase reaches the client (the JDK server and
 *     Servlet 6 containers send their own)
 * @param computesOneChunkLength a body that is a one-element collection is sent with a computed
 *     Content-Length instead of chunked
 */
record HostCapabilities(boolean setsReasonPhrase, boolean computesOneChunkLength) {

    /** The JDK server and Servlet containers behind the Carafe adapters. */
    static final HostCapabilities ADAPTER = new HostCapabilities(false, true);
}
