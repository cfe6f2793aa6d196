package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every way building fails carries its reason, besides the message. */
class UrlBuildReasonTest {

    private static Router router() {
        return new Router()
                .add(Rule.of("/users/<int:id>", "users.show"))
                .add(Rule.of("/items", "items.create").withMethods("POST"))
                .add(Rule.of("/first/", "first").withDefaults(Map.of("n", 1)))
                .alias("user", "users.show")
                .freeze();
    }

    private static UrlBuildException failure(Executable build) {
        return assertThrows(UrlBuildException.class, build);
    }

    @Test
    void anUnknownEndpointIsNoSuchEndpoint() {
        UrlBuildException error = failure(() -> router().build("user_show", Map.of()));

        assertEquals(UrlBuildException.Reason.NO_SUCH_ENDPOINT, error.reason());
        assertEquals("user_show", error.endpoint());
    }

    @Test
    void aVariableWithoutValueIsMissingValue() {
        UrlBuildException error = failure(() -> router().build("user", Map.of("x", 1)));

        assertEquals(UrlBuildException.Reason.MISSING_VALUE, error.reason());
        assertEquals("user", error.endpoint());
    }

    @Test
    void aValueTheConverterRefusesIsBadValue() {
        assertEquals(UrlBuildException.Reason.BAD_VALUE,
                failure(() -> router().build("users.show", Map.of("id", "abc"))).reason());
    }

    @Test
    void aMethodNoRuleAcceptsIsWrongMethod() {
        assertEquals(UrlBuildException.Reason.WRONG_METHOD, failure(() -> router().build("items.create", Map.of(),
                UrlOptions.defaults().withMethod("GET"))).reason());
    }

    @Test
    void aValueContradictingTheOnlyRulesDefaultIsDefaultMismatch() {
        assertEquals(UrlBuildException.Reason.DEFAULT_MISMATCH,
                failure(() -> router().build("first", Map.of("n", 2))).reason());
    }

    @Test
    void anExternalUrlWithoutHostIsNoHost() {
        assertEquals(UrlBuildException.Reason.NO_HOST, failure(() -> router().build("items.create", Map.of(),
                UrlOptions.defaults().asExternal())).reason());
    }
}
