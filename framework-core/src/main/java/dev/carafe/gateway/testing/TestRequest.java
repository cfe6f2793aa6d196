package dev.carafe.gateway.testing;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request being built for a {@link TestClient}; {@link #send()} runs it. Each setter returns
 * this request. A request has at most one body: raw bytes, JSON, or form fields (url-encoded, or
 * {@code multipart/form-data} as soon as it has a file).
 *
 * <pre>{@code
 * TestResponse response = client.request("POST", "/upload")
 *         .header("Accept", "application/json")
 *         .form("title", "Holiday")
 *         .file("photo", "beach.jpg", "image/jpeg", bytes)
 *         .send();
 * }</pre>
 */
public final class TestRequest {

    private final TestClient client;
    private final String method;
    private final String path;
    private final List<Header> headers = new ArrayList<>();
    private final List<Payload.Field> query = new ArrayList<>();
    private final List<Payload.Field> fields = new ArrayList<>();
    private final List<Payload.FilePart> files = new ArrayList<>();
    private final Map<String, Object> extra = new HashMap<>();
    private Optional<Payload> body = Optional.empty();
    private String bodyKind = "";
    private boolean multipart;
    private String protocol = "HTTP/1.1";
    private Optional<String> scheme = Optional.empty();
    private String remoteAddr = "127.0.0.1";
    private Optional<Boolean> followRedirects = Optional.empty();

    TestRequest(TestClient client, String method, String path) {
        this.client = client;
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        if (method.isEmpty() || !method.chars().allMatch(c -> c < 0x80 && Environ.isTokenChar((char) c))) {
            throw new IllegalArgumentException("The method \"" + method + "\" is not an HTTP token; use a method such "
                    + "as \"GET\" or \"POST\".");
        }
    }

    /**
     * Adds a request header field. Repeated names are joined with {@code ", "} ({@code "; "} for
     * {@code Cookie}) as a server does; names containing {@code _} are dropped as a server drops them.
     *
     * @param name the field name
     * @param value the value; chars up to U+00FF
     * @return this request
     */
    public TestRequest header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /**
     * Adds a query parameter, URL-encoded as UTF-8 and appended to any query already in the path.
     *
     * @param name the parameter name
     * @param value the value
     * @return this request
     */
    public TestRequest query(String name, String value) {
        query.add(new Payload.Field(name, value));
        return this;
    }

    /**
     * Sets the body to raw bytes without a content type.
     *
     * @param bytes the body
     * @return this request
     * @throws IllegalStateException if the request already has another kind of body
     */
    public TestRequest body(byte[] bytes) {
        return setBody("raw bytes", new Payload(bytes.clone(), Optional.empty()));
    }

    /**
     * Sets the body to raw bytes with a content type.
     *
     * @param bytes the body
     * @param contentType its media type, for example {@code text/csv}
     * @return this request
     * @throws IllegalStateException if the request already has another kind of body
     */
    public TestRequest body(byte[] bytes, String contentType) {
        return setBody("raw bytes", new Payload(bytes.clone(), Optional.of(contentType)));
    }

    /**
     * Sets the body to a JSON document, UTF-8, with content type {@code application/json}.
     *
     * @param json the document, for example {@code {"name":"carafe"}}
     * @return this request
     * @throws IllegalStateException if the request already has another kind of body
     */
    public TestRequest json(String json) {
        return setBody("JSON", new Payload(json.getBytes(StandardCharsets.UTF_8), Optional.of("application/json")));
    }

    /**
     * Adds form fields: one entry per value, so a name may carry several values. The body is
     * {@code application/x-www-form-urlencoded}, or {@code multipart/form-data} when the request
     * also has a file or {@link #multipart()} was called.
     *
     * @param name the field name
     * @param values the values, in order
     * @return this request
     * @throws IllegalStateException if the request already has a raw or JSON body
     */
    public TestRequest form(String name, String... values) {
        formBody();
        for (String value : values) {
            fields.add(new Payload.Field(name, value));
        }
        return this;
    }

    /**
     * Adds a file to a {@code multipart/form-data} body.
     *
     * @param field the form field name
     * @param filename the file name the client reports
     * @param contentType the file's media type, for example {@code text/plain}
     * @param content the file's bytes
     * @return this request
     * @throws IllegalStateException if the request already has a raw or JSON body
     */
    public TestRequest file(String field, String filename, String contentType, byte[] content) {
        formBody();
        files.add(new Payload.FilePart(field, filename, contentType, content.clone()));
        return this;
    }

    /**
     * Sends the form fields as {@code multipart/form-data} even without a file.
     *
     * @return this request
     * @throws IllegalStateException if the request already has a raw or JSON body
     */
    public TestRequest multipart() {
        formBody();
        multipart = true;
        return this;
    }

    /**
     * Sets the protocol of the request, {@code HTTP/1.1} by default.
     *
     * @param protocol {@code HTTP/1.0} or {@code HTTP/1.1}
     * @return this request
     * @throws IllegalArgumentException for any other value
     */
    public TestRequest protocol(String protocol) {
        if (!protocol.equals("HTTP/1.0") && !protocol.equals("HTTP/1.1")) {
            throw new IllegalArgumentException("The protocol \"" + protocol + "\" is not supported; use \"HTTP/1.0\" "
                    + "or \"HTTP/1.1\".");
        }
        this.protocol = protocol;
        return this;
    }

    /**
     * Makes the request over https (port 443, {@code HTTPS=on}) when the path is not an absolute URL.
     *
     * @return this request
     */
    public TestRequest https() {
        this.scheme = Optional.of("https");
        return this;
    }

    /**
     * Sets the client's address, {@code 127.0.0.1} by default.
     *
     * @param address an IP address
     * @return this request
     */
    public TestRequest remoteAddr(String address) {
        this.remoteAddr = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * Adds an entry to the environ, as a server or an outer middleware would; a framework's test
     * support uses it to pass its own keys.
     *
     * @param key the environ key
     * @param value the value, not null
     * @return this request
     */
    public TestRequest environ(String key, Object value) {
        extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
        return this;
    }

    /**
     * Overrides the client's redirect setting for this request.
     *
     * @param follow true to follow 301, 302, 303, 307 and 308 responses
     * @return this request
     */
    public TestRequest followRedirects(boolean follow) {
        this.followRedirects = Optional.of(follow);
        return this;
    }

    /**
     * Runs the request (and the redirects it is set to follow).
     *
     * @return the response
     * @throws RuntimeException a {@code GatewayViolation} when the validator finds a broken rule;
     *     whatever the application throws propagates unchanged, checked exceptions included
     */
    public TestResponse send() {
        client.sending(this);
        return client.send(prepare(), followRedirects);
    }

    /** @return the method and path, for messages: {@code POST /posts} */
    String describe() {
        return method + " " + path;
    }

    Prepared prepare() {
        Target target = Target.parse(path, client.base());
        if (path.startsWith("/") && scheme.isPresent()) {
            target = target.withScheme(scheme.get());
        }
        if (!query.isEmpty()) {
            String added = Payload.query(query);
            target = target.withQuery(target.rawQuery().isEmpty() ? added : target.rawQuery() + "&" + added);
        }
        Optional<Payload> payload = body;
        if (bodyKind.equals("form")) {
            payload = Optional.of(multipart || !files.isEmpty()
                    ? Payload.multipart(fields, files, "carafe-" + UUID.randomUUID())
                    : Payload.urlencoded(fields));
        }
        return new Prepared(method, target, protocol, List.copyOf(headers), payload, remoteAddr, Map.copyOf(extra));
    }

    private TestRequest setBody(String kind, Payload payload) {
        if (!bodyKind.isEmpty()) {
            throw new IllegalStateException("The request already has a " + bodyKind + " body; a request has one "
                    + "body: use one of body(...), json(...), or form(...)/file(...).");
        }
        bodyKind = kind;
        body = Optional.of(payload);
        return this;
    }

    private void formBody() {
        if (!bodyKind.isEmpty() && !bodyKind.equals("form")) {
            throw new IllegalStateException("The request already has a " + bodyKind + " body; a request has one "
                    + "body: use one of body(...), json(...), or form(...)/file(...).");
        }
        bodyKind = "form";
    }
}
