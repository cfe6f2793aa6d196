package dev.carafe;

import dev.carafe.gateway.Header;
import dev.carafe.gateway.testing.CookieJar;
import dev.carafe.gateway.testing.TestClient;
import dev.carafe.gateway.testing.TestRequest;
import dev.carafe.gateway.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calls an {@link App} in-process, Flask's {@code app.test_client()}: the gateway
 * {@link TestClient} (validator on, cookies kept across requests, redirects followed on request)
 * plus what App tests need: JSON in and out with the App's mapper, and the session and {@code g}
 * of the last request after it ended.
 *
 * <pre>{@code
 * AppTestClient client = app.testClient();
 * client.post("/auth/login").form("username", "test").form("password", "test").send();
 * client.get("/");
 * assertEquals(1, client.session().get("user_id").orElseThrow());
 * }</pre>
 *
 * <p>A path goes to the App's own address, as in Flask: {@code SERVER_NAME} (else {@code localhost})
 * over {@code PREFERRED_URL_SCHEME}, under {@code APPLICATION_ROOT} (sent as {@code SCRIPT_NAME}),
 * read from the config when the client is created; an absolute URL goes where it says.
 *
 * <p>In testing mode ({@code app.testing(true)}) an exception no error handler answers propagates
 * out of {@code send()} and {@code get()} unchanged. A client is for one test at a time.
 */
public final class AppTestClient {

    private final App app;
    private final TestClient client;
    private final ContextSink sink = new ContextSink();

    AppTestClient(App app) {
        this.app = app;
        this.client = TestEnviron.client(app, app.config()).build();
    }

    /**
     * Sends {@code GET}.
     *
     * @param path a path with an optional query, for example {@code /posts?page=2}, or an absolute URL
     * @return the response
     */
    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    /**
     * Sends {@code DELETE} without a body.
     *
     * @param path a path with an optional query
     * @return the response
     */
    public TestResponse delete(String path) {
        return request("DELETE", path).send();
    }

    /**
     * Starts a {@code POST}: add a body ({@code form}, {@code file}, {@code json}, {@code body}) and
     * headers, then {@code send()}.
     *
     * @param path a path with an optional query
     * @return the request to complete
     */
    public TestRequest post(String path) {
        return request("POST", path);
    }

    /**
     * Starts a {@code PUT}; see {@link #post}.
     *
     * @param path a path with an optional query
     * @return the request to complete
     */
    public TestRequest put(String path) {
        return request("PUT", path);
    }

    /**
     * Starts a {@code PATCH}; see {@link #post}.
     *
     * @param path a path with an optional query
     * @return the request to complete
     */
    public TestRequest patch(String path) {
        return request("PATCH", path);
    }

    /**
     * Starts a request with any method.
     *
     * @param method the method, for example {@code HEAD} or {@code OPTIONS}
     * @param path a path with an optional query, or an absolute URL
     * @return the request to complete
     */
    public TestRequest request(String method, String path) {
        return client.request(method, path).environ(ContextSink.KEY, sink);
    }

    /**
     * Sends a value as a JSON body, written with the App's mapper.
     *
     * @param method the method, for example {@code POST}
     * @param path a path with an optional query
     * @param value the value, for example a record or a map
     * @return the response
     */
    public TestResponse sendJson(String method, String path, Object value) {
        return request(method, path).json(new String(app.settings.json.write(value), StandardCharsets.UTF_8)).send();
    }

    /**
     * Reads a response body as JSON with the App's mapper.
     *
     * @param response a response
     * @param type the type to read, for example a record or {@code Map.class}
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException when the body is not JSON of that type, with the reason
     */
    public <T> T json(TestResponse response, Class<T> type) {
        try {
            return app.settings.json.read(new ByteArrayInputStream(response.body()), type);
        } catch (MalformedBodyException e) {
            throw new IllegalArgumentException("The response body is not JSON of type " + type.getName() + ": "
                    + e.getMessage() + "; body: " + response.text(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The context of the last request this client sent, kept after the request ended.
     *
     * @return the context
     * @throws IllegalStateException before the first request
     */
    public RequestContext context() {
        return sink.last().orElseThrow(() -> new IllegalStateException("No request was sent with this client yet; "
                + "send one (client.get(\"/\")) before reading the context, session or g of the last request."));
    }

    /**
     * The session of the last request as the request left it (Flask's {@code with client:} then
     * {@code session[...]}).
     *
     * @return the session
     * @throws IllegalStateException before the first request
     */
    public Session session() {
        return context().session();
    }

    /**
     * Changes the client's session before a request, Flask's {@code with
     * client.session_transaction() as session}: the App's session store opens the session from the
     * client's cookies, {@code change} edits it, and the store saves it back into the client's
     * cookies, as a request that made the same change would.
     *
     * <pre>{@code
     * client.sessionTransaction(session -> session.put("user_id", 1));   // logged in, no login form
     * assertEquals(200, client.get("/admin").status());
     * }</pre>
     *
     * @param change what to do with the session
     * @throws IllegalStateException when the App has no session store (no secret key)
     */
    public void sessionTransaction(Consumer<Session> change) {
        app.freeze();
        SessionStore store = app.settings.sessions.orElseThrow(() -> new IllegalStateException(
                "Cannot open a session transaction: " + NullSession.UNAVAILABLE));
        Map<String, Object> environ = client.cookies().header("/").<Map<String, Object>>map(
                header -> Map.of("HTTP_COOKIE", header)).orElse(Map.of());
        app.testRequestContext("/", environ, context -> {
            Session session = context.session();
            change.accept(session);
            session.markModified();
            Response saved = store.save(context.request(), session, Response.text(""));
            for (Header header : saved.headers()) {
                if (header.name().equalsIgnoreCase("Set-Cookie")) {
                    client.cookies().receive(header.value(), "/");
                }
            }
        });
    }

    /**
     * The {@code g} of the last request as the request left it.
     *
     * @return the map
     * @throws IllegalStateException before the first request
     */
    public Map<String, Object> g() {
        return context().g();
    }

    /** @return the cookies this client keeps across requests, live */
    public CookieJar cookies() {
        return client.cookies();
    }
}
