package dev.carafe.gateway.testing;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.validator.Validator;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Calls an {@link Application} in-process, playing the server's part of the gateway contract: it
 * builds a complete environ, keeps the status and headers until the first non-empty chunk, handles
 * {@code excInfo} as a server does, and closes the body exactly once. A {@link Validator} wraps the
 * application by default, so every request also checks both sides of the contract.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(app);
 * TestResponse page = client.get("/hello?name=carafe");
 * TestResponse created = client.request("POST", "/users").form("name", "Ada").send();
 * }</pre>
 *
 * <p>The client keeps a {@link CookieJar} across requests. Exceptions thrown by the application,
 * checked or not, propagate unchanged out of {@link TestRequest#send()}; nothing turns them into a
 * 500. A client is meant for one test at a time and is not thread-safe. It sends one request at a
 * time: starting a request while the one started before was never sent throws
 * {@link IllegalStateException}, since {@code client.request("POST", "/posts/1/delete");} without
 * {@code send()} would otherwise send nothing and let the test go on as if it had.
 */
public final class TestClient {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Application app;
    private final boolean followRedirects;
    private final int maxRedirects;
    private final Optional<PrintStream> echo;
    private final CookieJar cookies;
    private final BaseUrl base;
    /** The last request started and not sent yet: starting another first is a mistake the client reports. */
    private TestRequest unsent;

    private TestClient(Builder builder) {
        this.app = builder.validator.map(v -> v.wrap(builder.app)).orElse(builder.app);
        this.followRedirects = builder.followRedirects;
        this.maxRedirects = builder.maxRedirects;
        this.echo = builder.echoErrors ? Optional.of(System.err) : Optional.empty();
        this.base = builder.base;
        this.cookies = new CookieJar(builder.clock, builder.base);
    }

    /**
     * A client for an application with the default settings: validator on, redirects not
     * followed, {@code gateway.errors} echoed to {@code System.err}.
     *
     * @param app the application to call
     * @return the client
     */
    public static TestClient of(Application app) {
        return builder(app).build();
    }

    /**
     * Starts configuring a client.
     *
     * @param app the application to call
     * @return a builder with the default settings
     */
    public static Builder builder(Application app) {
        return new Builder(Objects.requireNonNull(app, "app"));
    }

    /**
     * Sends {@code GET} to a path.
     *
     * @param path a path with an optional query, such as {@code /users?page=2}, or an absolute URL
     * @return the response
     */
    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    /**
     * Sends {@code POST} with a body.
     *
     * @param path a path with an optional query, or an absolute URL
     * @param body the body bytes
     * @param contentType the body's media type
     * @return the response
     */
    public TestResponse post(String path, byte[] body, String contentType) {
        return request("POST", path).body(body, contentType).send();
    }

    /**
     * Starts a request with any method; configure it and call {@link TestRequest#send()}.
     *
     * @param method the method, for example {@code "PUT"}
     * @param path a path with an optional query, or an absolute URL
     * @return the request
     * @throws IllegalArgumentException if the method is not an HTTP token
     */
    public TestRequest request(String method, String path) {
        TestRequest previous = unsent;
        unsent = null;
        if (previous != null) {
            throw new IllegalStateException("The request " + previous.describe() + " was started but never sent: call "
                    + "send() on it, as in client.request(\"POST\", \"/posts\").form(\"title\", \"Hi\").send(), "
                    + "before starting the next one.");
        }
        TestRequest request = new TestRequest(this, method, path);
        unsent = request;
        return request;
    }

    /** @return where relative paths go */
    BaseUrl base() {
        return base;
    }

    /** The request is being sent: it is no longer the one left unsent. */
    void sending(TestRequest request) {
        if (unsent == request) {
            unsent = null;
        }
    }

    /**
     * The cookies this client keeps across requests.
     *
     * @return the jar, live: changes apply to the next request
     */
    public CookieJar cookies() {
        return cookies;
    }

    TestResponse send(Prepared first, Optional<Boolean> follow) {
        boolean following = follow.orElse(followRedirects);
        List<String> history = new ArrayList<>();
        Prepared request = first;
        while (true) {
            ErrorsCapture errors = new ErrorsCapture(echo);
            Map<String, Object> environ = EnvironBuilder.build(request, cookies.header(request.target()),
                    new PrintWriter(errors, true));
            GatewayCall.Sent sent;
            try {
                sent = new GatewayCall().run(app, environ);
            } catch (Exception e) {
                throw Sneaky.<RuntimeException>rethrow(e);
            }
            TestResponse response = new TestResponse(sent, environ, errors.text(), request.target().url(), history);
            cookies.receive(response.headers("Set-Cookie"), request.target());
            Optional<String> location = response.header("Location");
            if (!following || !REDIRECTS.contains(response.status()) || location.isEmpty()) {
                return response;
            }
            history.add(request.target().url());
            if (history.size() > maxRedirects) {
                throw new IllegalStateException("Followed " + maxRedirects + " redirects without reaching a final "
                        + "response: " + String.join(" -> ", history) + " -> " + location.get() + ". The application "
                        + "redirects in a loop, or needs more redirects: fix its Location headers or raise "
                        + "TestClient.Builder.maxRedirects (now " + maxRedirects + ").");
            }
            Prepared next = request.redirect(response.status(), location.get());
            if (!next.target().host().equals(request.target().host())) {
                throw new IllegalStateException("The response to " + request.target().url() + " redirects to "
                        + next.target().url() + ", another host: the test client only follows redirects within the "
                        + "application, which does not serve that host. Send the request with followRedirects(false) "
                        + "and check its Location header.");
            }
            request = next;
        }
    }

    /** The settings of a {@link TestClient}, each with its default. */
    public static final class Builder {

        private final Application app;
        private Optional<Validator> validator = Optional.of(Validator.create());
        private boolean followRedirects;
        private int maxRedirects = 10;
        private boolean echoErrors = true;
        private Clock clock = Clock.systemUTC();
        private BaseUrl base = BaseUrl.DEFAULT;

        private Builder(Application app) {
            this.app = app;
        }

        /**
         * Turns the validator on (the default, {@code Validator.create()}) or off.
         *
         * @param on false to call the application directly
         * @return this builder
         */
        public Builder validator(boolean on) {
            this.validator = on ? Optional.of(Validator.create()) : Optional.empty();
            return this;
        }

        /**
         * Uses a specific validator, for example one that collects warnings in a list.
         *
         * @param validator the validator to wrap the application in
         * @return this builder
         */
        public Builder validator(Validator validator) {
            this.validator = Optional.of(validator);
            return this;
        }

        /**
         * Follows redirects (301, 302, 303, 307, 308) for every request; off by default. A request
         * may override it with {@link TestRequest#followRedirects(boolean)}.
         *
         * @param follow true to follow
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * The most redirects one request follows before failing, 10 by default.
         *
         * @param max a number from 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxRedirects(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRedirects must be at least 1, got " + max
                        + "; use followRedirects(false) to follow none.");
            }
            this.maxRedirects = max;
            return this;
        }

        /**
         * Echoes what is written to {@code gateway.errors} to {@code System.err} (the default); the
         * text is captured in {@link TestResponse#errors()} either way.
         *
         * @param echo false to keep the output quiet
         * @return this builder
         */
        public Builder echoErrors(boolean echo) {
            this.echoErrors = echo;
            return this;
        }

        /**
         * The clock the cookie jar uses for {@code Max-Age} and {@code Expires}, the system UTC
         * clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where requests that name only a path go, {@code http://localhost/} by default (Werkzeug's
         * {@code base_url}): its scheme, host and port, and its path as the mount point. With
         * {@code https://shop.example:8443/store}, {@code client.get("/cart")} requests
         * {@code https://shop.example:8443/store/cart} with {@code SCRIPT_NAME} {@code /store} and
         * {@code PATH_INFO} {@code /cart}. An absolute URL passed to a request keeps its own scheme,
         * host and port; its path gets the mount point as {@code SCRIPT_NAME} when it lies under it.
         *
         * @param url {@code http://} or {@code https://}, a host, an optional port and an optional path
         * @return this builder
         * @throws IllegalArgumentException if {@code url} is not such a URL, or has a query or a fragment
         */
        public Builder baseUrl(String url) {
            this.base = BaseUrl.parse(Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * Creates the client.
         *
         * @return a client with an empty cookie jar
         */
        public TestClient build() {
            return new TestClient(this);
        }
    }
}
