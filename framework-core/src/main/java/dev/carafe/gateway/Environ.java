package dev.carafe.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a gateway environ, and the few functions every server and middleware needs to read
 * or build one.
 *
 * <p>CGI keys (no dot in the name) always map to {@code String}s whose chars are all at most
 * U+00FF: bytes from the wire are presented one byte per char (ISO-8859-1). {@code gateway.*} keys
 * map to the types given on each constant. A key whose value would be empty may be left out,
 * except {@link #REQUEST_METHOD}, {@link #SERVER_NAME} and {@link #SERVER_PORT}, which are always
 * present and never empty. The full rules are in {@code docs/gateway.md}.
 */
public final class Environ {

    /** The request method, case-sensitive, for example {@code GET}. Always present. */
    public static final String REQUEST_METHOD = "REQUEST_METHOD";
    /** The mount point of the application: {@code ""} or a path starting with {@code /}, never {@code /}. */
    public static final String SCRIPT_NAME = "SCRIPT_NAME";
    /** The rest of the path after {@link #SCRIPT_NAME}, percent-decoded, one char per byte. */
    public static final String PATH_INFO = "PATH_INFO";
    /** The query string after {@code ?}, exactly as received (not decoded). */
    public static final String QUERY_STRING = "QUERY_STRING";
    /** The request's {@code Content-Type} field; never also present as {@code HTTP_CONTENT_TYPE}. */
    public static final String CONTENT_TYPE = "CONTENT_TYPE";
    /** The request's {@code Content-Length} as decimal digits; absent for chunked bodies. */
    public static final String CONTENT_LENGTH = "CONTENT_LENGTH";
    /** The server's host name or address. Always present. */
    public static final String SERVER_NAME = "SERVER_NAME";
    /** The server's port as decimal digits, for example {@code "8080"}. Always present. */
    public static final String SERVER_PORT = "SERVER_PORT";
    /** The request's protocol, {@code HTTP/1.0} or {@code HTTP/1.1}. */
    public static final String SERVER_PROTOCOL = "SERVER_PROTOCOL";
    /** The name and version of the server software, for example {@code Carafe/0.1}. */
    public static final String SERVER_SOFTWARE = "SERVER_SOFTWARE";
    /** The peer's IP address. */
    public static final String REMOTE_ADDR = "REMOTE_ADDR";
    /** The peer's port as decimal digits. */
    public static final String REMOTE_PORT = "REMOTE_PORT";
    /** The raw request target as received, for example {@code /a%2Fb?x=1}: path not decoded. */
    public static final String REQUEST_URI = "REQUEST_URI";
    /** The same raw request target, under Gunicorn's name, for code ported from WSGI that reads it. */
    public static final String RAW_URI = "RAW_URI";
    /** Set to {@code "on"} when the request came over TLS. */
    public static final String HTTPS = "HTTPS";
    /** The prefix of every key made from a request header field: {@code User-Agent} is {@code HTTP_USER_AGENT}. */
    public static final String HTTP_PREFIX = "HTTP_";

    /** The version of this contract, a {@code List<Integer>} equal to {@link #VERSION_1_0}. */
    public static final String GATEWAY_VERSION = "gateway.version";
    /** {@code "http"} or {@code "https"}, as a {@code String}. */
    public static final String GATEWAY_URL_SCHEME = "gateway.url_scheme";
    /**
     * The request body, a {@link java.io.InputStream} that ends where the body ends. The
     * application reads it and never closes it.
     */
    public static final String GATEWAY_INPUT = "gateway.input";
    /** A {@link java.io.PrintWriter} for error output; it never throws. Applications never close it. */
    public static final String GATEWAY_ERRORS = "gateway.errors";
    /** A {@code Boolean}: true if the same application may be called concurrently by other threads. */
    public static final String GATEWAY_MULTITHREAD = "gateway.multithread";
    /** A {@code Boolean}: true if an equal application may be running in another process. */
    public static final String GATEWAY_MULTIPROCESS = "gateway.multiprocess";
    /** A {@code Boolean}: true if the application will be called only once in this process. */
    public static final String GATEWAY_RUN_ONCE = "gateway.run_once";
    /**
     * A {@code Boolean}: true if {@link #GATEWAY_INPUT} reports end of stream at the end of the
     * body, so an application may read to the end without looking at {@link #CONTENT_LENGTH}.
     */
    public static final String GATEWAY_INPUT_TERMINATED = "gateway.input_terminated";
    /** Optional: the server's {@link FileWrapper}, its fast path for sending files. */
    public static final String GATEWAY_FILE_WRAPPER = "gateway.file_wrapper";

    /** The value of {@link #GATEWAY_VERSION} for this contract: {@code [1, 0]}. */
    public static final List<Integer> VERSION_1_0 = List.of(1, 0);

    private Environ() {
    }

    /**
     * Maps a request header field name to its environ key: {@code Content-Type} and
     * {@code Content-Length} to {@link #CONTENT_TYPE} and {@link #CONTENT_LENGTH}, any other token
     * to {@code HTTP_} followed by the name in upper case with {@code -} replaced by {@code _}.
     *
     * <p>A name that contains {@code _}, or is not an RFC 9110 token, has no key: it would be
     * ambiguous ({@code X_Forwarded_For} and {@code X-Forwarded-For} would collide, RFC 9110
     * §17.10), so servers drop such fields.
     *
     * @param fieldName the field name as received
     * @return the environ key, or empty if the field must be dropped
     */
    public static Optional<String> headerKey(String fieldName) {
        if (fieldName.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(HTTP_PREFIX.length() + fieldName.length()).append(HTTP_PREFIX);
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (c == '_' || !isTokenChar(c)) {
                return Optional.empty();
            }
            key.append(c == '-' ? '_' : Character.toUpperCase(c));
        }
        String name = key.toString();
        if (name.equals("HTTP_CONTENT_TYPE")) {
            return Optional.of(CONTENT_TYPE);
        }
        if (name.equals("HTTP_CONTENT_LENGTH")) {
            return Optional.of(CONTENT_LENGTH);
        }
        return Optional.of(name);
    }

    /**
     * Tells whether a char may appear in an RFC 9110 token (a field name or a method).
     *
     * @param c the char
     * @return true for ALPHA, DIGIT and {@code !#$%&'*+-.^_`|~}
     */
    public static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * Percent-decodes a raw request path into a {@link #PATH_INFO}-style string: each decoded byte
     * becomes one char (ISO-8859-1), so a UTF-8 path arrives as its bytes. A {@code %} not followed
     * by two hex digits is kept as it is. {@code %2F} becomes {@code /}: applications that must tell
     * them apart read {@link #REQUEST_URI}.
     *
     * @param rawPath the path part of the request target, without the query
     * @return the decoded path, one char per byte
     */
    public static String decodePath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high << 4 | low);
                    i += 2;
                    continue;
                }
            }
            bytes.write(c);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes a CGI string (one char per byte) as UTF-8, the way a framework turns
     * {@link #PATH_INFO} back into text.
     *
     * @param latin1 a string whose chars are bytes
     * @return the text those bytes spell in UTF-8 (malformed sequences become U+FFFD)
     */
    public static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    /**
     * Reconstructs the URL of the application root (scheme, host, {@link #SCRIPT_NAME}), as
     * PEP 3333's "URL Reconstruction" does: the {@code Host} header when present, else
     * {@link #SERVER_NAME} with {@link #SERVER_PORT} unless it is the scheme's default.
     *
     * @param environ the environ of a request
     * @return for example {@code http://example.com:8080/app}
     */
    public static String applicationUrl(Map<String, Object> environ) {
        String scheme = String.valueOf(environ.getOrDefault(GATEWAY_URL_SCHEME, "http"));
        StringBuilder url = new StringBuilder(scheme).append("://");
        Object host = environ.get("HTTP_HOST");
        if (host instanceof String h && !h.isEmpty()) {
            url.append(h);
        } else {
            url.append(environ.get(SERVER_NAME));
            String port = String.valueOf(environ.get(SERVER_PORT));
            boolean defaultPort = scheme.equals("https") ? port.equals("443") : port.equals("80");
            if (!defaultPort) {
                url.append(':').append(port);
            }
        }
        url.append(quotePath(String.valueOf(environ.getOrDefault(SCRIPT_NAME, ""))));
        return url.toString();
    }

    /**
     * Reconstructs the full URL of the request: {@link #applicationUrl}, then the quoted
     * {@link #PATH_INFO}, then {@code ?} and {@link #QUERY_STRING} when it is not empty.
     *
     * @param environ the environ of a request
     * @return for example {@code http://example.com/app/users/7?page=2}
     */
    public static String requestUrl(Map<String, Object> environ) {
        StringBuilder url = new StringBuilder(applicationUrl(environ));
        url.append(quotePath(String.valueOf(environ.getOrDefault(PATH_INFO, ""))));
        Object query = environ.get(QUERY_STRING);
        if (query instanceof String q && !q.isEmpty()) {
            url.append('?').append(q);
        }
        return url.toString();
    }

    /**
     * Percent-encodes a CGI path (one char per byte) for use in a URL: every byte outside the
     * unreserved set and {@code /:@!$&'()*+,;=} becomes {@code %XX}.
     *
     * @param latin1Path a decoded path such as {@link #PATH_INFO}
     * @return the path as it may appear in a URL
     */
    public static String quotePath(String latin1Path) {
        StringBuilder out = null;
        for (int i = 0; i < latin1Path.length(); i++) {
            char c = latin1Path.charAt(i);
            boolean safe = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0);
            if (safe) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(latin1Path.length() + 16).append(latin1Path, 0, i);
            }
            out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return out == null ? latin1Path : out.toString();
    }

    /**
     * Reads a header-derived key in a case-insensitive way: {@code header(environ, "user-agent")}
     * reads {@code HTTP_USER_AGENT}.
     *
     * @param environ the environ of a request
     * @param fieldName the field name
     * @return the value, or empty if the request had no such field
     */
    public static Optional<String> header(Map<String, Object> environ, String fieldName) {
        return headerKey(fieldName).map(environ::get).filter(String.class::isInstance).map(String.class::cast);
    }
}
