package dev.carafe.gateway.hosts;

import dev.carafe.gateway.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One HTTP/1.1 connection over a raw socket, so the kit controls every request byte and sees
 * every response byte: reason phrases, framing, a missing chunked terminator. Responses are read
 * by their framing, not to the end of the connection, so an aborted response is told apart from
 * a complete one.
 */
final class RawConnection implements AutoCloseable {

    /** How long a read may block before the kit gives up on a host: a safety net, never a sleep. */
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int position;

    RawConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
    }

    /** Sends a request: its head (lines without the final blank line, which is added) and body bytes. */
    RawConnection send(String head, byte[] body) throws IOException {
        socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return this;
    }

    /** Sends more request body bytes, for example after a {@code 100 Continue}. */
    void sendBody(byte[] body) throws IOException {
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    /** Reads until the bytes received so far, as Latin-1 text, contain {@code text}. */
    void awaitText(String text) throws IOException {
        while (!received.toString(StandardCharsets.ISO_8859_1).contains(text)) {
            if (!fill()) {
                throw new IOException("The connection ended before '" + text + "' arrived; received:\n" + seen());
            }
        }
    }

    /** Reads one response by its framing; {@code noBody} for HEAD requests and 204/304 answers. */
    RawResponse response(boolean noBody) throws IOException {
        String[] status = line().split(" ", 3);
        if (status.length < 2) {
            throw new AssertionError("No status line in:\n" + seen());
        }
        int code = Integer.parseInt(status[1]);
        List<Header> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        RawResponse head = new RawResponse(code, status.length > 2 ? status[2] : "", headers, new byte[0], true);
        if (noBody || code < 200 || code == 204 || code == 304) {
            return head;
        }
        if (head.header("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
            return chunked(head);
        }
        if (head.header("Content-Length").isPresent()) {
            int length = Integer.parseInt(head.header("Content-Length").get());
            boolean complete = available(length);
            return head.withBody(take(Math.min(length, received.size() - position)), complete);
        }
        while (fill()) {
            // A body without length or chunking ends when the connection does.
        }
        return head.withBody(take(received.size() - position), true);
    }

    /** After a response without body, everything up to the next status line or the end of the connection. */
    byte[] bytesBeforeNextResponse() throws IOException {
        while (fill()) {
            // The follow-up request said Connection: close.
        }
        byte[] rest = take(received.size() - position);
        int next = new String(rest, StandardCharsets.ISO_8859_1).indexOf("HTTP/1.1 ");
        return next < 0 ? rest : Arrays.copyOf(rest, next);
    }

    /** Drops the connection at once, with a reset, as a client that goes away does. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private RawResponse chunked(RawResponse head) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = lineOrNull();
            if (sizeLine == null) {
                return head.withBody(body.toByteArray(), false);
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                while (true) {
                    String trailer = lineOrNull();
                    if (trailer == null || trailer.isEmpty()) {
                        return head.withBody(body.toByteArray(), trailer != null);
                    }
                }
            }
            boolean whole = available(size + 2);
            body.writeBytes(take(Math.min(size, received.size() - position)));
            if (!whole) {
                return head.withBody(body.toByteArray(), false);
            }
            position += 2;
        }
    }

    private String line() throws IOException {
        String line = lineOrNull();
        if (line == null) {
            throw new AssertionError("The connection ended in the middle of a response head:\n" + seen());
        }
        return line;
    }

    private String lineOrNull() throws IOException {
        while (true) {
            String text = new String(received.toByteArray(), position, received.size() - position,
                    StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n");
            if (end >= 0) {
                position += end + 2;
                return text.substring(0, end);
            }
            if (!fill()) {
                return null;
            }
        }
    }

    private boolean available(int count) throws IOException {
        while (received.size() - position < count) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private byte[] take(int count) {
        byte[] bytes = Arrays.copyOfRange(received.toByteArray(), position, position + count);
        position += count;
        return bytes;
    }

    /** Reads more bytes; false at the end of the connection (or a reset, after an aborted response). */
    private boolean fill() throws IOException {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            received.write(buffer, 0, n);
            return true;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The host sent nothing for " + READ_TIMEOUT_MILLIS + " ms; received:\n" + seen(),
                    e);
        } catch (IOException e) {
            return false;
        }
    }

    private String seen() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
