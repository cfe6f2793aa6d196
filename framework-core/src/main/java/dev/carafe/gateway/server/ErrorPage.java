package dev.carafe.gateway.server;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own short answers (400, 408, 413, 414, 417, 431, 500, 501, 505): a plain-text body
 * naming the problem, always with {@code Connection: close}.
 */
final class ErrorPage {

    /**
     * What an answer sent, for the access log.
     *
     * @param headers the header fields, in the order sent
     * @param bodyBytes the length of the body sent, 0 when it answered a HEAD request
     */
    record Sent(List<Header> headers, int bodyBytes) {
    }

    private ErrorPage() {
    }

    /**
     * Writes the answer; a client that already went away is ignored.
     *
     * @return what was sent
     */
    static Sent send(ServerContext server, OutputStream out, int code, String detail) {
        return send(server, out, code, detail, true);
    }

    /**
     * Writes the answer, with its body unless it answers a HEAD request (whose Content-Length still
     * tells the body's size).
     *
     * @return what was sent
     */
    static Sent send(ServerContext server, OutputStream out, int code, String detail, boolean withBody) {
        String line = Status.line(code);
        byte[] body = (line + "\n" + detail + "\n").getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(5);
        headers.add(new Header("Date", server.dates().now()));
        server.settings().serverHeader().ifPresent(s -> headers.add(new Header("Server", s)));
        headers.add(new Header("Content-Type", "text/plain; charset=utf-8"));
        headers.add(new Header("Content-Length", Integer.toString(body.length)));
        headers.add(new Header("Connection", "close"));
        StringBuilder head = new StringBuilder(200).append("HTTP/1.1 ").append(line).append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Could not send " + line + ": the client went away (" + e + ").");
        }
        return new Sent(List.copyOf(headers), withBody ? body.length : 0);
    }
}
