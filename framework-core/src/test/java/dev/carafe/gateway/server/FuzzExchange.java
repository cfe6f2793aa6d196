package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Sends one fuzz case on a fresh connection and reads everything the server sends until it closes
 * the connection, or until the client gives up waiting.
 *
 * @param received every byte the server sent
 * @param end how the connection ended: {@code "closed"}, {@code "reset"} or {@code "hung"}
 * @param millis from the last byte sent to the end
 */
record FuzzExchange(byte[] received, String end, long millis) {

    /** The longest the client waits for the server to close: far above every timeout of the fuzzed server. */
    static final int GIVE_UP_MILLIS = 4000;

    static FuzzExchange send(int port, FuzzCase request) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(GIVE_UP_MILLIS);
            try {
                socket.getOutputStream().write(request.bytes());
                socket.getOutputStream().flush();
                if (request.endInput()) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // The server answered and closed before taking every byte: read what it said.
            }
            long sent = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            String end;
            try {
                int count;
                while ((count = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, count);
                }
                end = "closed";
            } catch (SocketTimeoutException e) {
                end = "hung";
            } catch (SocketException e) {
                end = "reset";
            }
            return new FuzzExchange(received.toByteArray(), end,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        }
    }
}
