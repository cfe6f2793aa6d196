package dev.carafe.gateway.server;

import dev.carafe.gateway.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * The server's own short answers (400, 408, 413, 414, 417, 431, 500, 501, 505): a plain-text body
 * naming the problem, always with {@code Connection: close}.
 */
final class ErrorPage {

    private ErrorPage() {
    }

    /**
     * Writes the answer; a client that already went away is ignored.
     *
     * @return the length of the body sent
     */
    static int send(ServerContext server, OutputStream out, int code, String detail) {
        return send(server, out, code, detail, true);
    }

    /**
     * Writes the answer, with its body unless it answers a HEAD request (whose Content-Length still
     * tells the body's size).
     *
     * @return the length of the body sent
     */
    static int send(ServerContext server, OutputStream out, int code, String detail, boolean withBody) {
        String line = Status.line(code);
        byte[] body = (line + "\n" + detail + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(200).append("HTTP/1.1 ").append(line).append("\r\n")
                .append("Date: ").append(server.dates().now()).append("\r\n");
        server.settings().serverHeader().ifPresent(s -> head.append("Server: ").append(s).append("\r\n"));
        head.append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            server.log().log(Level.DEBUG, "Could not send " + line + ": the client went away (" + e + ").");
        }
        return withBody ? body.length : 0;
    }
}
