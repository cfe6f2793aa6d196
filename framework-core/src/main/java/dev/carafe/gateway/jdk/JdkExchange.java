package dev.carafe.gateway.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.host.HostExchange;
import dev.carafe.gateway.host.ResponseHead;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response side of an {@link HttpExchange}: translates the framing of a {@link ResponseHead}
 * into the sentinels of {@code sendResponseHeaders} (a length, {@code 0} for chunked, {@code -1}
 * for no body).
 */
final class JdkExchange implements HostExchange {

    private final HttpExchange exchange;
    private final System.Logger logger;

    JdkExchange(HttpExchange exchange, System.Logger logger) {
        this.exchange = exchange;
        this.logger = logger;
    }

    @Override
    public void commit(ResponseHead head) throws IOException {
        Headers out = exchange.getResponseHeaders();
        for (Header header : head.headers()) {
            out.add(header.name(), header.value());
        }
        long framing;
        if (!head.bodyAllowed()) {
            head.contentLength().ifPresent(length -> out.set("Content-Length", Long.toString(length)));
            framing = -1;
        } else if (head.contentLength().isPresent()) {
            long length = head.contentLength().getAsLong();
            framing = length == 0 ? -1 : length;
        } else {
            framing = 0;
        }
        exchange.sendResponseHeaders(head.code(), framing);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        OutputStream body = exchange.getResponseBody();
        body.write(bytes, offset, length);
        body.flush();
    }

    @Override
    public void log(String message, Throwable error) {
        logger.log(System.Logger.Level.ERROR, message, error);
    }
}
