package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Middleware;
import dev.carafe.gateway.StartResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway.md §1.10 obligations, checked the same way for every middleware of this package. */
class MiddlewareObligationsTest {

    static Stream<Arguments> middleware() {
        return Stream.of(
                Arguments.of("Dispatcher", (Middleware) next -> Dispatcher.builder().mount("/api", next).build(next)),
                Arguments.of("StaticFiles", StaticFiles.builder().directory("/", Path.of("src", "test")).build()),
                Arguments.of("ProxyFix", ProxyFix.builder().xHost(1).xPrefix(1).build()),
                Arguments.of("RequestLog", RequestLog.to(line -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("middleware")
    void closeIsForwardedExactlyOnceAfterANormalResponse(String name, Middleware middleware) throws Exception {
        CountingBody body = CountingBody.of("a", "", "b");
        Exchange.Result result = Exchange.run(middleware.wrap(returning(body)), "GET", "/api/x");
        assertEquals(1, body.closes.get());
        assertEquals(3, result.chunks().size(), "one chunk out per chunk in");
        assertEquals("ab", result.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("middleware")
    void closeIsForwardedExactlyOnceWhenIterationThrows(String name, Middleware middleware) {
        CountingBody body = CountingBody.failingAfter("a");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Exchange.run(middleware.wrap(returning(body)), "GET", "/api/x"));
        assertEquals("boom in iteration", e.getMessage());
        assertEquals(1, body.closes.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("middleware")
    void excInfoReachesTheServerUnchanged(String name, Middleware middleware) throws Exception {
        IllegalStateException failure = new IllegalStateException("handled");
        Application app = middleware.wrap((environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            startResponse.start("500 Internal Server Error", List.of(new Header("Content-Type", "text/plain")),
                    failure);
            return List.of();
        });
        List<Throwable> seen = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        StartResponse server = (status, headers, excInfo) -> {
            seen.add(excInfo);
            statuses.add(status);
            return chunk -> { };
        };
        ForwardingBody.close(app.call(Exchange.environ("GET", "/api/x"), server));
        assertEquals(2, seen.size());
        assertSame(failure, seen.get(1));
        assertEquals(List.of("200 OK", "500 Internal Server Error"), statuses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("middleware")
    void anExceptionFromTheApplicationPropagates(String name, Middleware middleware) {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Application app = middleware.wrap((environ, startResponse) -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> Exchange.run(app, "GET", "/api/x")));
    }

    private static Application returning(CountingBody body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return body;
        };
    }
}
