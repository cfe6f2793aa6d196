package dev.carafe.gateway.testing;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response a {@link TestClient} received: what the server would have sent (the status and
 * headers in effect when the first byte went out, and every body byte, {@code write()} output
 * first), plus what only an in-process call can show: the environ the application saw, the
 * text written to {@code gateway.errors}, and the redirects followed on the way.
 *
 * <pre>{@code
 * TestResponse response = client.get("/hello");
 * assertEquals(200, response.status());
 * assertEquals(Optional.of("text/plain"), response.header("Content-Type"));
 * assertEquals("Hello, World!", response.text());
 * }</pre>
 */
public final class TestResponse {

    private final String statusLine;
    private final List<Header> headers;
    private final byte[] body;
    private final Map<String, Object> environ;
    private final String errors;
    private final String url;
    private final List<String> history;

    TestResponse(GatewayCall.Sent sent, Map<String, Object> environ, String errors, String url, List<String> history) {
        this.statusLine = sent.status();
        this.headers = sent.headers();
        this.body = sent.body();
        this.environ = environ;
        this.errors = errors;
        this.url = url;
        this.history = List.copyOf(history);
    }

    /**
     * The status code.
     *
     * @return for example 200
     * @throws IllegalArgumentException if the application's status line has no valid code (only
     *     possible with the validator turned off)
     */
    public int status() {
        return Status.code(statusLine);
    }

    /**
     * The status line as the application passed it to start.
     *
     * @return for example {@code "404 Not Found"}
     */
    public String statusLine() {
        return statusLine;
    }

    /**
     * Every header, in order, repeated names kept as separate entries.
     *
     * @return the headers
     */
    public List<Header> headers() {
        return headers;
    }

    /**
     * The first value of a header, the name compared ignoring case.
     *
     * @param name the field name
     * @return the value, or empty if the response has no such header
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /**
     * Every value of a header, in order, such as each {@code Set-Cookie}.
     *
     * @param name the field name, compared ignoring case
     * @return the values, empty if there are none
     */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    /**
     * The body bytes.
     *
     * @return a copy of the body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the text of the body
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The environ the (final) request was made with, as the application left it: the keys the
     * client set, and whatever the application or a framework stored in it.
     *
     * @return the environ map itself
     */
    public Map<String, Object> environ() {
        return environ;
    }

    /**
     * The text written to {@code gateway.errors} while the request ran, including the validator's
     * warnings.
     *
     * @return the text, empty when nothing was written
     */
    public String errors() {
        return errors;
    }

    /**
     * The URL of the request that produced this response; after redirects, the last one.
     *
     * @return for example {@code http://localhost/login}
     */
    public String url() {
        return url;
    }

    /**
     * The URLs requested before this one, each answered with a redirect that was followed, in order.
     *
     * @return the redirect history, empty when no redirect was followed
     */
    public List<String> history() {
        return history;
    }

    @Override
    public String toString() {
        return statusLine + " " + url + " (" + body.length + " bytes)";
    }
}
