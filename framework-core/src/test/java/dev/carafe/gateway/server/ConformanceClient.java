package dev.carafe.gateway.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a vector's bytes over a real socket, exactly as they are, and reads what comes back: the
 * responses the outcome expects, then on until the server closes the connection. When the outcome
 * expects every request to be answered, the client ends its side after the last response so that
 * the server closes; a response beyond the expected ones is read and reported.
 */
final class ConformanceClient {

    /** How long the client waits for the server; only reached when the server misbehaves. */
    static final int READ_TIMEOUT_MILLIS = 3000;

    private ConformanceClient() {
    }

    static ConformanceExchange exchange(InetSocketAddress server, ConformanceVector vector) throws IOException {
        List<ConformanceExchange.Response> responses = new ArrayList<>();
        List<ConformanceRequest> answered = vector.outcome().answered();
        boolean accepted = vector.outcome() instanceof ConformanceOutcome.Accepted;
        try (Socket socket = new Socket()) {
            socket.connect(server, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(vector.bytes());
                socket.getOutputStream().flush();
                if (vector.endOfInput()) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // The server answered and closed before taking every byte: read what it said.
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                if (accepted && responses.size() == answered.size() && !socket.isOutputShutdown()) {
                    socket.shutdownOutput();
                }
                String method = responses.size() < answered.size() ? answered.get(responses.size()).method() : "GET";
                ConformanceExchange.Response response = read(in, method);
                if (response == null) {
                    return new ConformanceExchange(responses, "closed");
                }
                responses.add(response);
                if (responses.size() > answered.size() + 1) {
                    return new ConformanceExchange(responses, "more responses than expected");
                }
            }
        } catch (SocketTimeoutException e) {
            return new ConformanceExchange(responses, "timeout");
        } catch (SocketException e) {
            return new ConformanceExchange(responses, "reset (" + e.getMessage() + ")");
        } catch (IllegalArgumentException | EOFException e) {
            return new ConformanceExchange(responses, "garbage: " + e.getMessage());
        }
    }

    /** Reads one final response (skipping 1xx), or returns null at a clean end of stream. */
    static ConformanceExchange.Response read(InputStream in, String method) throws IOException {
        while (true) {
            String statusLine = line(in, true);
            if (statusLine == null) {
                return null;
            }
            if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                throw new IllegalArgumentException("not a status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in, false); !line.isEmpty(); line = line(in, false)) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
            if (status < 200) {
                continue;
            }
            byte[] body;
            if (method.equals("HEAD") || status == 204 || status == 304) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new ConformanceExchange.Response(status, headers, body);
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, false);
            int length = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (length == 0) {
                while (!line(in, false).isEmpty()) {
                    // trailer fields: not used by the runner
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line(in, false);
        }
    }

    /** Reads a CRLF-terminated line; null at end of stream before any byte when {@code endAllowed}. */
    private static String line(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("the response ends inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }
}
