package dev.carafe.gateway.server;

import java.time.Duration;

/**
 * The settings a vector needs from the server under test; vectors with equal profiles share one
 * server. Timeouts are short so that refusals by timeout, if any, stay fast.
 *
 * @param requireHost whether HTTP/1.1 requests must carry Host
 * @param maxRequestLineBytes the request line limit
 * @param maxHeaderCount the header count limit
 * @param maxHeaderFieldBytes the field line limit, without CRLF
 * @param underscoreHeaders the policy for names with {@code _}
 */
record ConformanceProfile(boolean requireHost, int maxRequestLineBytes, int maxHeaderCount, int maxHeaderFieldBytes,
        ServerSettings.UnderscoreHeaders underscoreHeaders) {

    /** How long the suite's servers wait for a head, a body read or the next request. */
    static final Duration TIMEOUT = Duration.ofMillis(1000);

    /** @return Carafe's own defaults */
    static ConformanceProfile carafe() {
        ServerSettings d = ServerSettings.defaults();
        return new ConformanceProfile(d.requireHost(), d.maxRequestLineBytes(), d.maxHeaderCount(),
                d.maxHeaderFieldBytes(), d.underscoreHeaders());
    }

    /**
     * The limits Gunicorn's vectors were written against: request line 4094 bytes, 100 fields, a
     * field line of 8190 bytes (both Gunicorn and Carafe count the line's CRLF).
     *
     * @return the profile for the Gunicorn suite
     */
    static ConformanceProfile gunicorn() {
        return carafe().withRequestLine(4094).withFieldBytes(GUNICORN_FIELD_SIZE);
    }

    /** Gunicorn's default {@code limit_request_field_size}, which counts the CRLF. */
    static final int GUNICORN_FIELD_SIZE = 8190;

    ConformanceProfile withHostRequired(boolean required) {
        return new ConformanceProfile(required, maxRequestLineBytes, maxHeaderCount, maxHeaderFieldBytes,
                underscoreHeaders);
    }

    ConformanceProfile withRequestLine(int bytes) {
        return new ConformanceProfile(requireHost, bytes, maxHeaderCount, maxHeaderFieldBytes, underscoreHeaders);
    }

    ConformanceProfile withHeaderCount(int count) {
        return new ConformanceProfile(requireHost, maxRequestLineBytes, count, maxHeaderFieldBytes, underscoreHeaders);
    }

    ConformanceProfile withFieldBytes(int bytes) {
        return new ConformanceProfile(requireHost, maxRequestLineBytes, maxHeaderCount, bytes, underscoreHeaders);
    }

    ConformanceProfile withUnderscoreHeaders(ServerSettings.UnderscoreHeaders policy) {
        return new ConformanceProfile(requireHost, maxRequestLineBytes, maxHeaderCount, maxHeaderFieldBytes, policy);
    }

    /** @return server settings for this profile on 127.0.0.1, any free port */
    ServerSettings settings() {
        return ServerSettings.builder().host("127.0.0.1").port(0)
                .requireHost(requireHost)
                .maxRequestLineBytes(maxRequestLineBytes)
                .maxHeaderCount(maxHeaderCount)
                .maxHeaderFieldBytes(maxHeaderFieldBytes)
                .underscoreHeaders(underscoreHeaders)
                .headerTimeout(TIMEOUT).bodyTimeout(TIMEOUT).keepAliveTimeout(TIMEOUT)
                .gracefulTimeout(Duration.ZERO)
                .build();
    }

    /** @return a short description for the report, naming only what differs from Carafe's defaults */
    String describe() {
        ConformanceProfile d = carafe();
        StringBuilder text = new StringBuilder();
        if (requireHost != d.requireHost) {
            text.append(" requireHost=").append(requireHost);
        }
        if (maxRequestLineBytes != d.maxRequestLineBytes) {
            text.append(" maxRequestLineBytes=").append(maxRequestLineBytes);
        }
        if (maxHeaderCount != d.maxHeaderCount) {
            text.append(" maxHeaderCount=").append(maxHeaderCount);
        }
        if (maxHeaderFieldBytes != d.maxHeaderFieldBytes) {
            text.append(" maxHeaderFieldBytes=").append(maxHeaderFieldBytes);
        }
        if (underscoreHeaders != d.underscoreHeaders) {
            text.append(" underscoreHeaders=").append(underscoreHeaders);
        }
        return text.length() == 0 ? "defaults" : text.toString().strip();
    }
}
