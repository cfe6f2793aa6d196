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
 * @param continuesBeforeTheApplicationReads {@code 100 Continue} goes out before the application
 *     reads the body (even if it never does), rather than on its first read
 */
record HostCapabilities(boolean setsReasonPhrase, boolean computesOneChunkLength,
        boolean continuesBeforeTheApplicationReads) {

    /** The JDK server, and Tomcat with its default {@code continueResponseTiming="immediately"}. */
    static final HostCapabilities EAGER_CONTINUE = new HostCapabilities(false, true, true);

    /** Jetty, which answers {@code Expect: 100-continue} when the body is first read. */
    static final HostCapabilities CONTINUE_ON_READ = new HostCapabilities(false, true, false);
}
