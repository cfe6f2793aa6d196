package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.Middleware;
import dev.carafe.gateway.StartResponse;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Logs one line per request once its body was closed, an access log:
 *
 * <pre>{@code
 * 203.0.113.9 "GET /shop/items?page=2" 200 5120 12ms
 * 203.0.113.9 "GET /shop/report" 200 1024 40ms failed: java.lang.IllegalStateException: database gone
 * }</pre>
 *
 * <p>The fields are the client address ({@code REMOTE_ADDR}, {@code -} when absent), the method,
 * the path ({@code SCRIPT_NAME} and {@code PATH_INFO} percent-encoded, then {@code ?} and the query
 * string when there is one) as they were when the request reached this middleware, the status code
 * of the last {@code start} ({@code -} if the application never called it), the body bytes the
 * application produced (yielded chunks and bytes passed to the {@link BodyWriter}), and the time
 * from the call to the close in milliseconds. When the application throws, from {@code call} or
 * while its body is iterated or closed, the line ends with {@code failed:} and the exception, and
 * the exception goes on to the server unchanged.
 *
 * <pre>{@code
 * Application app = RequestLog.toSystemLogger().wrap(site);      // logger "dev.carafe.gateway.access"
 * Application debug = RequestLog.to(System.out::println).wrap(site);
 * }</pre>
 */
public final class RequestLog implements Middleware {

    /** The name of the {@link System.Logger} that {@link #toSystemLogger()} writes to. */
    public static final String LOGGER_NAME = "dev.carafe.gateway.access";

    @FunctionalInterface
    private interface Sink {
        void log(String line, Optional<Throwable> failure);
    }

    private final Sink sink;

    private RequestLog(Sink sink) {
        this.sink = sink;
    }

    /**
     * Logs to the {@link System.Logger} named {@value #LOGGER_NAME}: successful requests at
     * {@code INFO}, failed ones at {@code ERROR} with the exception.
     *
     * @return the middleware
     */
    public static RequestLog toSystemLogger() {
        return to(System.getLogger(LOGGER_NAME));
    }

    /**
     * Logs to a {@link System.Logger}: successful requests at {@code INFO}, failed ones at
     * {@code ERROR} with the exception.
     *
     * @param logger the logger
     * @return the middleware
     */
    public static RequestLog to(System.Logger logger) {
        Objects.requireNonNull(logger, "logger");
        return new RequestLog((line, failure) -> {
            if (failure.isPresent()) {
                logger.log(Level.ERROR, line, failure.get());
            } else if (logger.isLoggable(Level.INFO)) {
                logger.log(Level.INFO, line);
            }
        });
    }

    /**
     * Logs each line to a consumer, for example {@code System.out::println} or a list in a test.
     *
     * @param lines receives one line per request
     * @return the middleware
     */
    public static RequestLog to(Consumer<String> lines) {
        Objects.requireNonNull(lines, "line consumer");
        return new RequestLog((line, failure) -> lines.accept(line));
    }

    @Override
    public Application wrap(Application next) {
        return Lifespan.forward((environ, startResponse) -> {
            long started = System.nanoTime();
            String request = describe(environ);
            AtomicLong bytes = new AtomicLong();
            AtomicReference<String> status = new AtomicReference<>("-");
            StartResponse counting = (line, headers, excInfo) -> {
                BodyWriter writer = startResponse.start(line, headers, excInfo);
                status.set(line.length() >= 3 ? line.substring(0, 3) : line);
                return chunk -> {
                    writer.write(chunk);
                    bytes.addAndGet(chunk.length);
                };
            };
            Iterable<byte[]> body;
            try {
                body = next.call(environ, counting);
            } catch (Exception | Error e) {
                log(request, status.get(), bytes.get(), started, Optional.of(e));
                throw e;
            }
            return ForwardingBody.of(body, chunk -> {
                bytes.addAndGet(chunk.length);
                return chunk;
            }, failure -> log(request, status.get(), bytes.get(), started, failure));
        }, next);
    }

    private void log(String request, String status, long bytes, long started, Optional<Throwable> failure) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        String line = request + " " + status + " " + bytes + " " + millis + "ms"
                + failure.map(e -> " failed: " + e).orElse("");
        sink.log(line, failure);
    }

    /** The query as received, with {@code "}, spaces, controls and non-ASCII chars percent-encoded. */
    private static String printable(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '"') {
                out.append('%').append(String.format("%02X", c & 0xFF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describe(Map<String, Object> environ) {
        Object remote = environ.get(Environ.REMOTE_ADDR);
        String path = Environ.quotePath(String.valueOf(environ.getOrDefault(Environ.SCRIPT_NAME, ""))
                + environ.getOrDefault(Environ.PATH_INFO, ""));
        Object query = environ.get(Environ.QUERY_STRING);
        if (query instanceof String q && !q.isEmpty()) {
            path += "?" + printable(q);
        }
        return (remote instanceof String r && !r.isEmpty() ? r : "-") + " \"" + environ.get(Environ.REQUEST_METHOD)
                + " " + path + "\"";
    }
}
