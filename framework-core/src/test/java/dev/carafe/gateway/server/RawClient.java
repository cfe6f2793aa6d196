package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A test client speaking raw bytes over a real socket, reading responses exactly as sent. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads everything until the server closes the connection. */
    String readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int count;
            while ((count = in.read(buffer)) >= 0) {
                all.write(buffer, 0, count);
            }
        } catch (java.net.SocketException e) {
            // a reset after the response counts as closed
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads one response: the head, then a Content-Length or chunked body (none for bodyless ones). */
    String readResponse(boolean headRequest) throws IOException {
        StringBuilder text = new StringBuilder();
        String headText = readUntil("\r\n\r\n");
        text.append(headText);
        String lower = headText.toLowerCase(java.util.Locale.ROOT);
        int code = Integer.parseInt(headText.substring(9, 12));
        if (headRequest || code < 200 || code == 204 || code == 304) {
            return text.toString();
        }
        int cl = lower.indexOf("\r\ncontent-length: ");
        if (cl >= 0) {
            int end = lower.indexOf("\r\n", cl + 2);
            int length = Integer.parseInt(lower.substring(cl + 18, end).trim());
            text.append(new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            while (true) {
                String sizeLine = readUntil("\r\n");
                text.append(sizeLine);
                int size = Integer.parseInt(sizeLine.trim(), 16);
                if (size == 0) {
                    text.append(readUntil("\r\n"));
                    break;
                }
                text.append(new String(in.readNBytes(size + 2), StandardCharsets.ISO_8859_1));
            }
        } else {
            text.append(readAll());
        }
        return text.toString();
    }

    String readResponse() throws IOException {
        return readResponse(false);
    }

    String readUntil(String end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed after: " + text);
            }
            text.append((char) b);
        }
        return text.toString();
    }

    /** @return true if the server closed the connection (end of stream) within the socket timeout */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
