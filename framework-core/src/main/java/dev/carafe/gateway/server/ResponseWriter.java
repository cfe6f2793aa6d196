package dev.carafe.gateway.server;

import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.FileBody;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import dev.carafe.gateway.host.ResponseRules;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One response: the {@link StartResponse} the application calls, its {@link BodyWriter}, and the
 * framing on the wire. Headers go out with the first non-empty chunk (or at the end); the framing is
 * chosen then: the application's Content-Length, a computed one when the whole body is known,
 * chunked toward HTTP/1.1, else close-delimited; no body at all for HEAD, 1xx, 204 and 304.
 */
final class ResponseWriter implements StartResponse, BodyWriter {

    private enum Framing { NONE, LENGTH, CHUNKED, CLOSE }

    private final ServerContext server;
    private final RequestHead request;
    private final RequestBody body;
    private final ConnectionOutput out;
    private final ConnectionInput connectionInput;
    private String status;
    private List<Header> headers;
    private int code;
    private boolean started;
    private boolean headersSent;
    private boolean usedWriter;
    private Framing framing;
    private long declared;
    private long sent;
    private boolean keepAlive;
    private boolean truncated;
    private boolean clientGone;

    /**
     * @param connectionInput the connection's input: while it holds a pipelined next request, the
     *     end of this response stays buffered and goes out with the next one (the input flushes
     *     {@code out} before it waits for bytes, so nothing stays behind)
     */
    ResponseWriter(ServerContext server, RequestHead request, RequestBody body, ConnectionOutput out,
            ConnectionInput connectionInput) {
        this.server = server;
        this.request = request;
        this.body = body;
        this.out = out;
        this.connectionInput = connectionInput;
    }

    @Override
    public BodyWriter start(String status, List<Header> headers, Throwable excInfo) throws Exception {
        if (excInfo != null) {
            if (headersSent) {
                throw rethrow(excInfo);
            }
        } else if (started) {
            throw new IllegalStateException("start was already called for this response; a second call must pass "
                    + "the exception being handled as excInfo, and only before the headers are sent.");
        }
        started = true;
        int checked = ResponseRules.checkFinalStatus(status);
        ResponseRules.checkHeaders(headers);
        this.code = checked;
        this.status = status;
        this.headers = new ArrayList<>(headers);
        return this;
    }

    @Override
    public void write(byte[] chunk) throws IOException {
        usedWriter = true;
        send(chunk, OptionalLong.empty());
        flush();
    }

    /**
     * Sends one body chunk; the first non-empty one sends the headers, with a known total length if
     * given. A chunk is flushed at once unless it completes the declared length: then
     * {@link #finish()} flushes it, so a small response costs one write.
     */
    void send(byte[] chunk, OptionalLong knownLength) throws IOException {
        if (status == null) {
            throw new IllegalStateException("The application produced body bytes before calling start "
                    + "successfully.");
        }
        if (chunk.length == 0) {
            return;
        }
        if (!headersSent) {
            sendHeaders(usedWriter ? OptionalLong.empty() : knownLength);
        }
        switch (framing) {
            case NONE -> { }
            case LENGTH -> {
                long room = declared - sent;
                int count = (int) Math.min(room, chunk.length);
                if (count < chunk.length) {
                    truncated = true;
                    keepAlive = false;
                }
                output(chunk, 0, count);
                sent += count;
            }
            case CHUNKED -> {
                try {
                    out.writeLatin1(Integer.toHexString(chunk.length));
                    out.writeCrlf();
                } catch (IOException e) {
                    clientGone = true;
                    throw e;
                }
                output(chunk, 0, chunk.length);
                output(CRLF);
                sent += chunk.length;
            }
            case CLOSE -> {
                output(chunk, 0, chunk.length);
                sent += chunk.length;
            }
        }
        if (!full()) {
            flush();
        }
    }

    /** Sends a file body, by {@code transferTo} when the framing allows it, else block by block. */
    void sendFile(FileBody file) throws IOException {
        if (!headersSent) {
            sendHeaders(usedWriter ? OptionalLong.empty() : OptionalLong.of(file.length()));
        }
        if (framing == Framing.CHUNKED) {
            for (byte[] block : file) {
                send(block, OptionalLong.empty());
            }
            return;
        }
        flush();
        long want = framing == Framing.NONE ? 0
                : framing == Framing.LENGTH ? Math.min(file.length(), declared - sent) : file.length();
        if (framing == Framing.LENGTH && file.length() > want) {
            truncated = true;
            keepAlive = false;
        }
        long position = file.position();
        long end = position + want;
        try {
            while (position < end) {
                long moved = out.transferFrom(file.channel(), position, end - position);
                if (moved <= 0) {
                    break;
                }
                position += moved;
                sent += moved;
            }
        } catch (IOException e) {
            clientGone = true;
            throw e;
        }
    }

    /**
     * Ends the response: sends the headers if still unsent, the last chunk, and checks the length.
     * Flushes, except while a pipelined next request is already buffered and the connection stays
     * open: then the responses go out together (HTTP/1.1 pipelining, one write per batch).
     */
    void finish() throws IOException {
        if (status == null) {
            throw new IllegalStateException("The application returned a body without calling start "
                    + "successfully.");
        }
        if (!headersSent) {
            sendHeaders(OptionalLong.of(0));
        }
        if (framing == Framing.CHUNKED) {
            output(LAST_CHUNK);
        }
        if (framing == Framing.LENGTH && sent < declared) {
            keepAlive = false;
            server.log().log(Level.WARNING, "The application declared Content-Length " + declared + " but sent " + sent
                    + " bytes; closing the connection (" + request.requestLine() + ").");
        }
        if (truncated) {
            server.log().log(Level.WARNING, "The application sent more bytes than its Content-Length " + declared
                    + "; the rest was dropped and the connection closed (" + request.requestLine() + ").");
        }
        if (!keepAlive() || !connectionInput.hasBuffered()) {
            flush();
        }
    }

    private void sendHeaders(OptionalLong knownLength) throws IOException {
        boolean head = request.method().equals("HEAD");
        boolean noContent = code < 200 || code == 204;
        boolean bodyless = head || noContent || code == 304;
        OptionalLong appLength = OptionalLong.empty();
        boolean hasDate = false;
        boolean hasServer = false;
        for (Header h : headers) {
            if (h.is("Content-Length")) {
                appLength = OptionalLong.of(Long.parseLong(h.value()));
            } else if (h.is("Date")) {
                hasDate = true;
            } else if (h.is("Server")) {
                hasServer = true;
            }
        }
        if (noContent) {
            headers.removeIf(h -> h.is("Content-Length"));
        }
        keepAlive = request.keepAlive() && !server.stopping() && !body.continuePending();
        if (bodyless) {
            framing = Framing.NONE;
            if (head && appLength.isEmpty() && knownLength.isPresent()) {
                headers.add(new Header("Content-Length", Long.toString(knownLength.getAsLong())));
            }
        } else if (appLength.isPresent()) {
            framing = Framing.LENGTH;
            declared = appLength.getAsLong();
        } else if (knownLength.isPresent()) {
            framing = Framing.LENGTH;
            declared = knownLength.getAsLong();
            headers.add(new Header("Content-Length", Long.toString(declared)));
        } else if (request.http11()) {
            framing = Framing.CHUNKED;
            headers.add(new Header("Transfer-Encoding", "chunked"));
        } else {
            framing = Framing.CLOSE;
            keepAlive = false;
        }
        if (!keepAlive) {
            headers.add(new Header("Connection", "close"));
        } else if (!request.http11()) {
            headers.add(new Header("Connection", "keep-alive"));
        }
        body.withdrawContinue();
        headersSent = true;
        try {
            out.writeLatin1("HTTP/1.1 ");
            out.writeLatin1(status);
            if (status.length() == 3) {
                out.write(' ');
            }
            out.writeCrlf();
            if (!hasDate) {
                out.writeField("Date", server.dates().now());
            }
            if (!hasServer && server.settings().serverHeader().isPresent()) {
                out.writeField("Server", server.settings().serverHeader().get());
            }
            for (Header h : headers) {
                out.writeField(h.name(), h.value());
            }
            out.writeCrlf();
        } catch (IOException e) {
            clientGone = true;
            throw e;
        }
    }

    /** @return whether the connection may carry another request after this response */
    boolean keepAlive() {
        return headersSent && keepAlive;
    }

    /** @return whether no more body bytes can be sent (bodyless response, or Content-Length reached) */
    boolean full() {
        return truncated || framing == Framing.NONE || framing == Framing.LENGTH && sent >= declared;
    }

    boolean headersSent() {
        return headersSent;
    }

    boolean clientGone() {
        return clientGone;
    }

    /** @return the status code sent, 0 if none */
    int code() {
        return headersSent ? code : 0;
    }

    /** @return the body bytes sent */
    long sent() {
        return sent;
    }

    /** @return the headers as sent, with those the server added */
    List<Header> headers() {
        return headersSent ? headers : List.of();
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private void output(byte[] bytes) throws IOException {
        output(bytes, 0, bytes.length);
    }

    private void output(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            clientGone = true;
            throw e;
        }
    }

    private void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            clientGone = true;
            throw e;
        }
    }

    private static Exception rethrow(Throwable excInfo) {
        if (excInfo instanceof Error error) {
            throw error;
        }
        if (excInfo instanceof Exception exception) {
            return exception;
        }
        return new IllegalStateException("The response was already sent; cannot replace it.", excInfo);
    }
}
