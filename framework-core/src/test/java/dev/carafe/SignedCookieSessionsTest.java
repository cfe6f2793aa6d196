package dev.carafe;

import static dev.carafe.SignedCookies.T0;
import static dev.carafe.SignedCookies.at;
import static dev.carafe.SignedCookies.decoded;
import static dev.carafe.SignedCookies.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Saving signed cookie sessions: the format, the cookie's attributes, deletion, refresh and Vary. */
class SignedCookieSessionsTest {

    private static final String COOKIE = sign("dev", "{\"user_id\":1}", T0);

    private static App app(SignedCookieSessions.Builder store) {
        App app = new App().sessionStore(store.build());
        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return "in";
        });
        app.post("/logout", request -> {
            request.session().clear();
            return "out";
        });
        app.post("/remember", request -> {
            request.session().permanent(true);
            return "remembered";
        });
        app.get("/me", request -> {
            Optional<Object> id = request.session().get("user_id");
            return id.map(value -> value.getClass().getSimpleName() + " " + value).orElse("nobody");
        });
        app.get("/known", request -> "known " + request.session().contains("user_id"));
        app.get("/plain", request -> Response.text("no session").withHeader("Vary", "Accept-Encoding"));
        return app;
    }

    private static SignedCookieSessions.Builder store() {
        return SignedCookieSessions.builder().secretKey("dev").clock(at(T0));
    }

    @Test
    void anIntegerUserIdRoundTripsAsAnInteger() {
        AppTestClient client = app(store()).testClient();

        client.post("/login").send();

        assertEquals("Integer 1", client.get("/me").text());
        assertEquals(Optional.of(1), client.session().get("user_id"));
        assertEquals("{\"user_id\":1}", decoded(client.cookies().value("session").orElseThrow().split("\\.")[0]));
    }

    @Test
    void aLongStoredInOneRequestReadsBackAsALongInTheNextThoughTheCookieNarrowedIt() {
        App app = new App().sessionStore(store().build());
        app.post("/login", request -> {
            request.session().put("user_id", 5L);
            request.session().put("big", Long.MAX_VALUE);
            return "in";
        });
        app.get("/id", request -> {
            Session session = request.session();
            long id = session.get("user_id", Long.class).orElseThrow();
            BigInteger wide = session.get("user_id", BigInteger.class).orElseThrow();
            ClassCastException tooBig = assertThrows(ClassCastException.class, () -> session.get("big", Integer.class));
            return id + " " + wide + " " + session.get("user_id", Integer.class).orElseThrow() + " | "
                    + tooBig.getMessage();
        });
        AppTestClient client = app.testClient();

        client.post("/login").send();

        assertEquals("5 5 5 | Session value 'big' is 9223372036854775807, which does not fit in a java.lang.Integer;"
                + " read it as a Long or BigInteger.", client.get("/id").text());
    }

    @Test
    void aChangeInsideAStoredListIsSavedOnlyWhenTheSessionIsMarkedModified() {
        App app = new App().sessionStore(store().build());
        app.post("/start", request -> {
            request.session().put("cart", List.of("tea"));
            return "started";
        });
        app.post("/add/<item>", request -> {
            @SuppressWarnings("unchecked")
            List<Object> cart = (List<Object>) request.session().get("cart").orElseThrow();
            cart.add(request.viewArgs().get("item"));
            if (request.args().first("mark").isPresent()) {
                request.session().markModified();
            }
            return "added";
        });
        app.get("/cart", request -> String.valueOf(request.session().get("cart").orElseThrow()));
        AppTestClient client = app.testClient();
        client.post("/start").send();

        TestResponse unmarked = client.post("/add/milk").send();
        TestResponse marked = client.post("/add/sugar?mark=1").send();

        assertEquals(List.of(), unmarked.headers("Set-Cookie"), "a change inside a value is not seen");
        assertEquals(1, marked.headers("Set-Cookie").size());
        assertEquals("[tea, sugar]", client.get("/cart").text());
    }

    @Test
    void markingTheSessionOfAnAppWithoutAStoreSaysHowToConfigureOne() {
        App app = new App().testing(true);
        app.get("/", request -> {
            request.session().markModified();
            return "never";
        });

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.testClient().get("/"));

        assertTrue(error.getMessage().startsWith("Cannot mark the session modified: the session is unavailable because "
                + "no session store is configured."), error.getMessage());
    }

    @Test
    void aSessionTransactionLogsTheClientInWithoutTheLoginForm() {
        AppTestClient client = app(store()).testClient();

        // tag::session-transaction[]
        client.sessionTransaction(session -> session.put("user_id", 1));   // as if the login form ran
        String first = client.get("/me").text();
        // end::session-transaction[]
        client.sessionTransaction(session -> session.put("user_id", session.get("user_id", Integer.class)
                .orElseThrow() + 1));
        String second = client.get("/me").text();
        client.sessionTransaction(Session::clear);

        assertEquals("Integer 1", first);
        assertEquals("Integer 2", second, "the transaction opened the session the client's cookie holds");
        assertEquals("nobody", client.get("/me").text());
        assertEquals(Optional.empty(), client.cookies().value("session"), "clearing deleted the cookie");
    }

    @Test
    void aSessionTransactionWithoutASessionStoreSaysHowToSetOne() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new App().testClient().sessionTransaction(session -> session.put("user_id", 1)));

        assertTrue(error.getMessage().startsWith("Cannot open a session transaction: the session is unavailable "
                + "because no session store is configured."), error.getMessage());
    }

    @Test
    void theCookieIsTheDocumentedFormatWithTheDefaultAttributes() {
        TestResponse response = app(store()).testClient().post("/login").send();

        assertEquals("eyJ1c2VyX2lkIjoxfQ.aVW5AA." + COOKIE.split("\\.")[2], COOKIE);
        assertEquals(List.of("session=" + COOKIE + "; HttpOnly; Path=/; SameSite=Lax"), response.headers("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), response.header("Vary"));
    }

    @Test
    void withoutSameSiteTheCookieIsFlasksDefault() {
        TestResponse response = app(store().noSameSite()).testClient().post("/login").send();

        assertEquals(Optional.of("session=" + COOKIE + "; HttpOnly; Path=/"), response.header("Set-Cookie"));
    }

    @Test
    void everyCookieSettingAppearsOnTheCookie() {
        SignedCookieSessions.Builder settings = store().cookieName("sid").domain(".Example.com").path("/app")
                .httpOnly(false).secure(true).sameSite(Cookie.SameSite.STRICT).partitioned(true);

        TestResponse response = app(settings).testClient().request("POST", "https://example.com/login").send();

        assertEquals(Optional.of("sid=" + COOKIE + "; Domain=example.com; Secure; Path=/app; SameSite=Strict;"
                + " Partitioned"), response.header("Set-Cookie"));
    }

    @Test
    void anEmptiedSessionDeletesTheCookieWithTheSameAttributes() {
        AppTestClient client = app(store()).testClient();
        client.post("/login").send();

        TestResponse response = client.post("/logout").send();

        assertEquals(Optional.of("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/;"
                + " SameSite=Lax"), response.header("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), response.header("Vary"));
        assertEquals(Optional.empty(), client.cookies().value("session"));
        assertEquals("nobody", client.get("/me").text());
    }

    @Test
    void anEmptiedSessionIsDeletedExactlyAsFlaskDeletesIt() {
        AppTestClient client = app(store().noSameSite()).testClient();
        client.post("/login").send();

        assertEquals(Optional.of("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"),
                client.post("/logout").send().header("Set-Cookie"));
    }

    @Test
    void clearingASessionThatWasAlreadyEmptySendsNoCookie() {
        TestResponse response = app(store()).testClient().post("/logout").send();

        assertEquals(List.of(), response.headers("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), response.header("Vary"));
    }

    @Test
    void readingTheSessionWithoutChangingItAddsVaryCookieButNoCookie() {
        AppTestClient client = app(store()).testClient();
        client.post("/login").send();

        TestResponse response = client.get("/known");

        assertEquals("known true", response.text());
        assertEquals(List.of(), response.headers("Set-Cookie"));
        assertEquals(List.of("Cookie"), response.headers("Vary"));
    }

    @Test
    void aResponseThatNeverUsedTheSessionDoesNotVaryOnCookie() {
        AppTestClient client = app(store()).testClient();
        client.post("/login").send();

        TestResponse response = client.get("/plain");

        assertEquals(List.of("Accept-Encoding"), response.headers("Vary"));
        assertEquals(List.of(), response.headers("Set-Cookie"));
    }

    @Test
    void cookieIsAppendedToAnExistingVaryOnce() {
        App app = new App().sessionStore(store().build());
        app.get("/one", request -> {
            request.session().contains("x");
            return Response.text("").withHeader("Vary", "Accept-Encoding");
        });
        app.get("/two", request -> {
            request.session().contains("x");
            return Response.text("").withAddedHeader("Vary", "Accept, Accept-Encoding").withAddedHeader("Vary", "accept");
        });
        app.get("/already", request -> {
            request.session().contains("x");
            return Response.text("").withHeader("Vary", "Origin, cookie");
        });
        app.get("/star", request -> {
            request.session().contains("x");
            return Response.text("").withHeader("Vary", "*");
        });
        AppTestClient client = app.testClient();

        assertEquals(List.of("Accept-Encoding, Cookie"), client.get("/one").headers("Vary"));
        assertEquals(List.of("Accept, Accept-Encoding, accept, Cookie"), client.get("/two").headers("Vary"));
        assertEquals(List.of("Origin, cookie"), client.get("/already").headers("Vary"));
        assertEquals(List.of("*"), client.get("/star").headers("Vary"));
    }

    @Test
    void aPermanentSessionCookieExpiresAfterTheLifetime() {
        TestResponse response = app(store()).testClient().post("/remember").send();

        String value = sign("dev", "{\"_permanent\":true}", T0);
        assertEquals(Optional.of("session=" + value + "; Expires=Sun, 01 Feb 2026 00:00:00 GMT; Max-Age=2678400;"
                + " HttpOnly; Path=/; SameSite=Lax"), response.header("Set-Cookie"));
    }

    @Test
    void aPermanentSessionIsSentAgainOnEveryRequestThatUsesIt() {
        App app = app(store().permanentLifetime(Duration.ofHours(1)).clock(at(T0.plusSeconds(60))));
        AppTestClient client = app.testClient();
        client.cookies().set(dev.carafe.gateway.testing.Cookie.of("session",
                sign("dev", "{\"_permanent\":true,\"user_id\":1}", T0)));

        TestResponse response = client.get("/me");

        assertEquals("Integer 1", response.text());
        assertEquals(Optional.of("session=" + sign("dev", "{\"_permanent\":true,\"user_id\":1}", T0.plusSeconds(60))
                + "; Expires=Thu, 01 Jan 2026 01:01:00 GMT; Max-Age=3600; HttpOnly; Path=/; SameSite=Lax"),
                response.header("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), response.header("Vary"));
    }

    @Test
    void aPermanentSessionIsRefreshedEvenByARequestThatNeverUsesIt() {
        App app = app(store().permanentLifetime(Duration.ofHours(1)).clock(at(T0.plusSeconds(60))));
        AppTestClient client = app.testClient();
        client.cookies().set(dev.carafe.gateway.testing.Cookie.of("session",
                sign("dev", "{\"_permanent\":true,\"user_id\":1}", T0)));

        TestResponse response = client.get("/plain");

        assertEquals("no session", response.text());
        assertEquals(Optional.of("session=" + sign("dev", "{\"_permanent\":true,\"user_id\":1}", T0.plusSeconds(60))
                + "; Expires=Thu, 01 Jan 2026 01:01:00 GMT; Max-Age=3600; HttpOnly; Path=/; SameSite=Lax"),
                response.header("Set-Cookie"));
    }

    @Test
    void aRequestWithoutASessionCookieThatNeverUsesTheSessionSendsNoCookie() {
        TestResponse response = app(store()).testClient().get("/plain");

        assertEquals(List.of(), response.headers("Set-Cookie"));
        assertEquals(Optional.of("Accept-Encoding"), response.header("Vary"));
    }

    @Test
    void withoutRefreshAnUnchangedPermanentSessionIsNotSentAgain() {
        AppTestClient client = app(store().refreshEachRequest(false)).testClient();
        client.post("/remember").send();

        TestResponse response = client.get("/me");

        assertEquals(List.of(), response.headers("Set-Cookie"));
        assertEquals(Optional.of("Cookie"), response.header("Vary"));
    }

    @Test
    void anUnchangedSessionThatIsNotPermanentIsNotSentAgain() {
        AppTestClient client = app(store()).testClient();
        client.post("/login").send();

        assertEquals(List.of(), client.get("/me").headers("Set-Cookie"));
    }

    @Test
    void jsonValuesRoundTripWithTheirTypes() {
        App app = new App().sessionStore(store().build());
        List<Object> list = new ArrayList<>(Arrays.asList("a", null, 2, true));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nested", List.of(Map.of("deep", 1.5)));
        app.post("/save", request -> {
            request.session().put("text", "café \"quoted\"; ,");
            request.session().put("flag", false);
            request.session().put("big", 5_000_000_000L);
            request.session().put("huge", new BigInteger("123456789012345678901234567890"));
            request.session().put("ratio", 0.25);
            request.session().put("list", list);
            request.session().put("map", map);
            return "saved";
        });
        app.get("/load", request -> request.session().asMap().toString());
        AppTestClient client = app.testClient();
        client.post("/save").send();

        client.get("/load");

        Map<String, Object> loaded = client.session().asMap();
        assertEquals(List.of("text", "flag", "big", "huge", "ratio", "list", "map"), List.copyOf(loaded.keySet()));
        assertEquals("café \"quoted\"; ,", loaded.get("text"));
        assertEquals(false, loaded.get("flag"));
        assertEquals(5_000_000_000L, loaded.get("big"));
        assertEquals(new BigInteger("123456789012345678901234567890"), loaded.get("huge"));
        assertEquals(0.25, loaded.get("ratio"));
        assertEquals(list, loaded.get("list"));
        assertEquals(map, loaded.get("map"));
    }

    @Test
    void aValueThatIsNotJsonFailsNamingTheKeyAndThePath() {
        App app = new App().sessionStore(store().build()).testing(true);
        app.post("/save", request -> {
            request.session().put("user", Map.of("since", List.of(T0)));
            return "saved";
        });

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> app.testClient().post("/save").send());

        assertEquals("Session value 'user' (at user.since[0]) is a java.time.Instant (2026-01-01T00:00:00Z), which "
                + "a signed cookie session cannot keep: it holds JSON values only (String, Boolean, Integer, Long, "
                + "BigInteger, Double, List, and Map with String keys; null inside lists and maps). Store a "
                + "JSON-friendly form instead, such as an id or a string.", error.getMessage());
    }

    @Test
    void aCookieLargerThanBrowsersKeepIsLoggedAsAWarning() {
        App app = new App().sessionStore(store().build());
        app.post("/big", request -> {
            request.session().put("blob", "x".repeat(5000));
            return "big";
        });
        try (SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App", Level.WARNING)) {
            TestResponse response = app.testClient().post("/big").send();

            String header = response.header("Set-Cookie").orElseThrow();
            assertTrue(header.length() > 4093, header);
            assertEquals(1, log.records.size());
            assertTrue(log.messages().get(0).startsWith("Set-Cookie for cookie 'session' is " + header.length()
                    + " bytes"), log.messages().get(0));
        }
    }

    @Test
    void aSmallSessionCookieLogsNoWarning() {
        try (SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App", Level.WARNING)) {
            app(store()).testClient().post("/login").send();

            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void eachSigningUsesTheCurrentTime() {
        App later = app(store().clock(at(T0.plusSeconds(1))));

        String value = later.testClient().post("/login").send().header("Set-Cookie").orElseThrow();

        assertNotEquals("session=" + COOKIE + "; HttpOnly; Path=/; SameSite=Lax", value);
        assertTrue(value.startsWith("session=" + sign("dev", "{\"user_id\":1}", T0.plusSeconds(1)) + ";"), value);
    }
}
