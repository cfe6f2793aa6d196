package dev.carafe.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The examples of docs/gateway.md, compiled (and exercised by {@link GatewaySpecSnippetsTest}). */
final class GatewaySpecSnippets {

    private GatewaySpecSnippets() {
    }

    // tag::hello[]
    static final Application HELLO = (environ, startResponse) -> {
        byte[] body = "Hello, World!\n".getBytes(StandardCharsets.UTF_8);
        startResponse.start("200 OK", List.of(
                new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Length", Integer.toString(body.length))));
        return List.of(body);
    };
    // end::hello[]

    // tag::echo[]
    static final Application ECHO = (environ, startResponse) -> {
        InputStream input = (InputStream) environ.get(Environ.GATEWAY_INPUT);
        byte[] received = input.readAllBytes();   // safe: gateway.input ends where the body ends
        String path = Environ.utf8((String) environ.get(Environ.PATH_INFO));
        byte[] body = (path + " received " + received.length + " bytes\n").getBytes(StandardCharsets.UTF_8);
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
        return List.of(body);
    };
    // end::echo[]

    // tag::streaming[]
    /** Sends a countdown one line at a time; the server sends each chunk as it is produced. */
    static final class Countdown implements Application {
        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return new Body(3);
        }

        /** A lazy body; close() runs when the response ends, however it ends. */
        static final class Body implements Iterable<byte[]>, AutoCloseable {
            private final int from;
            private boolean closed;

            Body(int from) {
                this.from = from;
            }

            @Override
            public Iterator<byte[]> iterator() {
                return new Iterator<>() {
                    private int next = from;

                    @Override
                    public boolean hasNext() {
                        return next >= 0 && !closed;
                    }

                    @Override
                    public byte[] next() {
                        return (next-- + "\n").getBytes(StandardCharsets.US_ASCII);
                    }
                };
            }

            @Override
            public void close() {
                closed = true;                 // release files, connections, cursors here
            }
        }
    }
    // end::streaming[]

    // tag::exc-info[]
    /** Answers 500 with a short page when the wrapped application fails before sending anything. */
    static Application errorPage(Application next) {
        return (environ, startResponse) -> {
            try {
                return next.call(environ, startResponse);
            } catch (Exception e) {
                ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).println("request failed: " + e);
                byte[] page = "<h1>Internal Server Error</h1>".getBytes(StandardCharsets.UTF_8);
                // excInfo: replaces a status the application set but did not send; rethrows e if it was sent.
                startResponse.start("500 Internal Server Error",
                        List.of(new Header("Content-Type", "text/html; charset=utf-8")), e);
                return List.of(page);
            }
        };
    }
    // end::exc-info[]

    // tag::middleware[]
    /** Upper-cases text bodies: a middleware that changes the body, and so drops Content-Length. */
    static final Middleware SHOUT = next -> Lifespan.forward((environ, startResponse) -> {
        Iterable<byte[]> body = next.call(environ, (status, headers, excInfo) -> {
            List<Header> kept = new ArrayList<>();
            for (Header h : headers) {
                if (!h.is("Content-Length")) {
                    kept.add(h);
                }
            }
            BodyWriter write = startResponse.start(status, kept, excInfo);
            return chunk -> write.write(shout(chunk));
        });
        return new Shouted(body);
    }, next);

    /** One chunk out for every chunk in, and close() forwarded to the wrapped body. */
    record Shouted(Iterable<byte[]> inner) implements Iterable<byte[]>, AutoCloseable {
        @Override
        public Iterator<byte[]> iterator() {
            Iterator<byte[]> it = inner.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public byte[] next() {
                    return shout(it.next());
                }
            };
        }

        @Override
        public void close() throws Exception {
            if (inner instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    static byte[] shout(byte[] chunk) {
        return new String(chunk, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }
    // end::middleware[]

    // tag::server-loop[]
    /** The heart of a server: call, iterate, send, and close the body whatever happens. */
    static void serve(Application app, Map<String, Object> environ, Connection connection) throws Exception {
        Iterable<byte[]> body = app.call(environ, connection::startResponse);
        try {
            for (byte[] chunk : body) {
                connection.send(chunk);        // sends status and headers first, on the first non-empty chunk
            }
            connection.finish();               // sends them now if the body was empty
        } finally {
            if (body instanceof AutoCloseable closeable) {
                closeable.close();             // exactly once: on success, error or disconnect
            }
        }
    }
    // end::server-loop[]

    /** The part of a server the loop above talks to. */
    interface Connection {
        BodyWriter startResponse(String status, List<Header> headers, Throwable excInfo) throws Exception;

        void send(byte[] chunk) throws IOException;

        void finish() throws IOException;
    }
}
