package dev.carafe.gateway.server;

import dev.carafe.gateway.Environ;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * A chunked request body, decoded strictly while the application reads it (RFC 9112 §7.1): chunk
 * sizes are {@code 1*HEXDIG}, extensions are checked and ignored, every line ends with CRLF, the
 * trailer section is parsed and dropped, and fields that would change framing, routing or
 * authentication are refused there. The decoded size is capped at {@code maxBodyBytes}.
 */
final class ChunkedDecoder implements BodySource {

    /** Trailer fields refused: they would smuggle framing, routing or credentials past the head. */
    private static final Set<String> FORBIDDEN_TRAILERS = Set.of(
            "host", "content-length", "transfer-encoding", "trailer", "authorization", "te",
            "connection");
    private static final int MAX_LINE = 4096;

    private final ConnectionInput in;
    private final long maxBytes;
    private final int maxTrailerFields;
    private long chunkRemaining;
    private long total;
    private boolean started;
    private boolean done;

    ChunkedDecoder(ConnectionInput in, long maxBytes, int maxTrailerFields) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxTrailerFields = maxTrailerFields;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (chunkRemaining == 0) {
            if (started) {
                expectCrlf();
            }
            started = true;
            chunkRemaining = sizeLine();
            if (chunkRemaining == 0) {
                trailers();
                done = true;
                return -1;
            }
            // Not total + chunkRemaining: a size near Long.MAX_VALUE would overflow the sum past the cap.
            if (chunkRemaining > maxBytes - total) {
                throw new BodyException(413, "The request body is larger than " + maxBytes + " bytes.");
            }
            total += chunkRemaining;
        }
        int count = in.read(b, off, (int) Math.min(len, chunkRemaining));
        if (count < 0) {
            throw new ClientClosedException();
        }
        chunkRemaining -= count;
        return count;
    }

    private long sizeLine() throws IOException {
        String line = line("chunk size line");
        int i = 0;
        long size = 0;
        while (i < line.length() && Character.digit(line.charAt(i), 16) >= 0 && line.charAt(i) < 0x80) {
            if (size > (Long.MAX_VALUE >> 4)) {
                throw new BodyException(413, "The chunk size is larger than " + maxBytes + " bytes.");
            }
            size = size << 4 | Character.digit(line.charAt(i), 16);
            i++;
        }
        if (i == 0) {
            throw bad("A chunk size must be hexadecimal digits.");
        }
        if (i < line.length()) {
            extensions(line.substring(i));
        }
        return size;
    }

    /** Checks {@code *( BWS ";" BWS name [ BWS "=" BWS value ] )}; values are tokens or quoted strings. */
    private static void extensions(String rest) throws BodyException {
        int i = skipWs(rest, 0);
        if (i == rest.length()) {
            throw bad("A chunk size is followed by whitespace without a chunk extension.");
        }
        while (i < rest.length()) {
            if (rest.charAt(i) != ';') {
                throw bad("A chunk size is followed by something other than a chunk extension.");
            }
            i = skipWs(rest, i + 1);
            int nameStart = i;
            i = token(rest, i);
            if (i == nameStart) {
                throw bad("A chunk extension has no name.");
            }
            i = skipWs(rest, i);
            if (i < rest.length() && rest.charAt(i) == '=') {
                i = skipWs(rest, i + 1);
                if (i < rest.length() && rest.charAt(i) == '"') {
                    i = quoted(rest, i + 1);
                } else {
                    int valueStart = i;
                    i = token(rest, i);
                    if (i == valueStart) {
                        throw bad("A chunk extension has an empty value.");
                    }
                }
                i = skipWs(rest, i);
            }
        }
    }

    private static int quoted(String s, int i) throws BodyException {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw bad("A chunk extension value contains a control character.");
            }
            i++;
        }
        throw bad("A chunk extension has an unterminated quoted value.");
    }

    private static int token(String s, int i) {
        while (i < s.length() && Environ.isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private void trailers() throws IOException {
        int count = 0;
        while (true) {
            String line = line("trailer field");
            if (line.isEmpty()) {
                return;
            }
            if (++count > maxTrailerFields) {
                throw new BodyException(431, "The request has more than " + maxTrailerFields + " trailer fields.");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || token(line, 0) != colon) {
                throw bad("A trailer field line is malformed.");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (FORBIDDEN_TRAILERS.contains(name)) {
                throw bad("The trailer field " + line.substring(0, colon) + " is not allowed in a trailer.");
            }
            for (int i = colon + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw bad("A trailer field value contains a control character.");
                }
            }
        }
    }

    private void expectCrlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw bad("Chunk data must be followed by CRLF.");
        }
    }

    private String line(String what) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = next();
            if (b == '\r') {
                if (next() != '\n') {
                    throw bad("A " + what + " contains a bare CR.");
                }
                return line.toString();
            }
            if (b == '\n') {
                throw bad("A " + what + " ends with a bare LF; lines must end with CRLF.");
            }
            if (b == 0 || line.length() == MAX_LINE) {
                throw bad("A " + what + " is malformed or longer than " + MAX_LINE + " bytes.");
            }
            line.append((char) b);
        }
    }

    /**
     * Reads one byte of the chunk framing (a size line, a CRLF, a trailer). The input ending here
     * means the message is incomplete in a way the client could only cause by closing its side
     * early: answer 400 (a half-closed client still reads it) rather than close silently.
     */
    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw bad("The chunked request body ended before its last chunk and final CRLF; "
                    + "the client closed its side of the connection in the middle of the chunk framing.");
        }
        return b;
    }

    private static BodyException bad(String message) {
        return new BodyException(400, message);
    }
}
