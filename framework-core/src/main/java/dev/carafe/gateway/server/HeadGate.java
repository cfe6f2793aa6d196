package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The gate each request head of one connection passes before the application runs: read strictly
 * ({@link HeadReader}), given its meaning ({@link HeadRules}), or refused. A refusal (an
 * {@link HttpError}, or 408 for a head that started but did not arrive in time) is answered with an
 * {@link ErrorPage} and, when an access log is configured, written to it with what is known of the
 * request: the client's address, the request line if it was read whole, the status and what the
 * error page sent.
 */
final class HeadGate {

    private final ServerContext server;
    private final OutputStream out;
    private final HeadReader reader;
    private final HeadRules rules;
    private final String remoteAddr;

    /** @param remoteAddr the client's address, for the access log */
    HeadGate(ServerContext server, ConnectionInput in, OutputStream out, String remoteAddr) {
        this.server = server;
        this.out = out;
        this.reader = new HeadReader(server.settings(), in);
        this.rules = new HeadRules(server.settings());
        this.remoteAddr = remoteAddr;
    }

    /**
     * Reads and checks the next head; answers and logs a refusal.
     *
     * @return the head; empty when it was refused, or when the client closed before sending a byte
     * @throws ClientClosedException if the client closed in the middle of the head
     */
    Optional<RequestHead> next() throws IOException {
        // Only a configured access log needs to know when the head started.
        boolean logged = server.accessLog().isPresent();
        long startNanos = logged ? System.nanoTime() : 0;
        long startMillis = logged ? System.currentTimeMillis() : 0;
        Optional<HeadReader.RawHead> raw = Optional.empty();
        try {
            raw = reader.read();
            return raw.isEmpty() ? Optional.empty() : Optional.of(rules.apply(raw.get()));
        } catch (HttpError e) {
            server.log().log(Level.DEBUG, "Refused a request with " + e.status() + ": " + e.getMessage());
            refuse(e.status(), e.getMessage(), raw.map(HeadReader.RawHead::requestLine).or(reader::requestLine),
                    startMillis, startNanos);
        } catch (ReadTimeoutException e) {
            refuse(408, "The request head did not arrive within " + server.settings().headerTimeout().toMillis()
                    + " ms.", reader.requestLine(), startMillis, startNanos);
        }
        return Optional.empty();
    }

    private void refuse(int status, String detail, Optional<String> requestLine, long startMillis, long startNanos) {
        ErrorPage.Sent sent = ErrorPage.send(server, out, status, detail);
        server.accessLog().ifPresent(log -> log.write(AccessLogEntry.refused(remoteAddr, requestLine, status, sent,
                startMillis, System.nanoTime() - startNanos)));
    }
}
