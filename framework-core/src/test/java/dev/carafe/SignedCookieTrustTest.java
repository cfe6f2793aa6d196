package dev.carafe;

import static dev.carafe.SignedCookies.T0;
import static dev.carafe.SignedCookies.at;
import static dev.carafe.SignedCookies.b64;
import static dev.carafe.SignedCookies.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.testing.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening signed cookie sessions: what is trusted, what opens an empty session, keys and their rotation. */
class SignedCookieTrustTest {

    private static final String VALID = sign("dev", "{\"user_id\":1}", T0);

    private static App app(SignedCookieSessions store) {
        App app = new App().sessionStore(store);
        app.get("/me", request -> request.session().get("user_id").map(String::valueOf).orElse("nobody"));
        app.post("/touch", request -> {
            request.session().put("seen", true);
            return "touched";
        });
        return app;
    }

    private static SignedCookieSessions.Builder store(String key) {
        return SignedCookieSessions.builder().secretKey(key).clock(at(T0));
    }

    private static TestResponse me(App app, String cookie) {
        return app.testClient().request("GET", "/me").header("Cookie", "session=" + cookie).send();
    }

    @Test
    void aValidCookieOpensItsSession() {
        assertEquals("1", me(app(store("dev").build()), VALID).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJ1c2VyX2lkIjoxfQ",                                   // unsigned payload
        "eyJ1c2VyX2lkIjoxfQ.aVW5AA",                            // no signature
        "garbage", "a.b.c", "..", "a.b.c.d", "eyJ1c2VyX2lkIjoxfQ.aVW5AA.!!!", "eyJ1c2VyX2lkIjoxfQ..sig",
    })
    void aMalformedOrUnsignedCookieOpensAnEmptySession(String cookie) {
        TestResponse response = me(app(store("dev").build()), cookie);

        assertEquals(200, response.status());
        assertEquals("nobody", response.text());
    }

    @Test
    void aChangedPayloadOpensAnEmptySessionAndIsLoggedAtDebug() {
        String[] parts = VALID.split("\\.");
        String forged = b64("{\"user_id\":2}") + "." + parts[1] + "." + parts[2];
        App app = app(store("dev").build());

        try (SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App",
                Level.FINE)) {
            assertEquals("nobody", me(app, forged).text());

            assertEquals(List.of("Ignoring the 'session' cookie of \"GET /me HTTP/1.1\": the signature does not match any key "
                    + "(tampered with, or signed with another key); the request gets an empty session."),
                    log.messages());
        }
    }

    @Test
    void aChangedSignatureOrTimestampOpensAnEmptySession() {
        String[] parts = VALID.split("\\.");
        char last = parts[2].charAt(0);
        String signature = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        App app = app(store("dev").build());

        assertEquals("nobody", me(app, parts[0] + "." + parts[1] + "." + signature).text());
        assertEquals("nobody", me(app, parts[0] + "." + b64(new byte[] {0x69, 0x55, (byte) 0xB9, 1}) + "."
                + parts[2]).text());
    }

    @Test
    void aSignedPayloadThatIsNotAJsonObjectOpensAnEmptySession() {
        App app = app(store("dev").build());

        try (SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App",
                Level.FINE)) {
            assertEquals("nobody", me(app, sign("dev", "[1]", T0)).text());
            assertEquals("nobody", me(app, sign("dev", "{\"user_id\":", T0)).text());
            assertEquals("nobody", me(app, sign("dev", "{\"user_id\":1,\"user_id\":2}", T0)).text());

            assertEquals(3, log.records.size());
            log.messages().forEach(message -> assertTrue(message.startsWith(
                    "Ignoring the 'session' cookie of \"GET /me HTTP/1.1\": the signed payload is not a JSON object: "), message));
        }
    }

    @Test
    void aCookieOlderThanThePermanentLifetimeOpensAnEmptySession() {
        Duration lifetime = Duration.ofDays(31);
        Instant limit = T0.plus(lifetime);

        assertEquals("1", me(app(store("dev").clock(at(limit)).build()), VALID).text());
        try (SignedCookies.LogCapture log = new SignedCookies.LogCapture("dev.carafe.App",
                Level.FINE)) {
            assertEquals("nobody", me(app(store("dev").clock(at(limit.plusSeconds(1))).build()), VALID).text());

            assertEquals(List.of("Ignoring the 'session' cookie of \"GET /me HTTP/1.1\": it was signed 2678401 seconds ago, "
                    + "longer than the maximum age of 2678400 seconds; the request gets an empty session."),
                    log.messages());
        }
    }

    @Test
    void theMaximumAgeFollowsTheConfiguredLifetime() {
        SignedCookieSessions store = store("dev").permanentLifetime(Duration.ofMinutes(5))
                .clock(at(T0.plusSeconds(301))).build();

        assertEquals("nobody", me(app(store), VALID).text());
    }

    @Test
    void aCookieSignedMoreThanAMinuteInTheFutureOpensAnEmptySession() {
        assertEquals("1", me(app(store("dev").clock(at(T0.minusSeconds(60))).build()), VALID).text());
        assertEquals("nobody", me(app(store("dev").clock(at(T0.minusSeconds(61))).build()), VALID).text());
    }

    @Test
    void anOldKeyStillOpensCookiesAndTheNewKeySigns() {
        String signedWithOld = sign("old", "{\"user_id\":1}", T0);
        App rotated = app(store("new").fallbackKey("older").fallbackKey("old").build());
        AppTestClient client = rotated.testClient();
        client.cookies().set(dev.carafe.gateway.testing.Cookie.of("session", signedWithOld));

        assertEquals("1", client.get("/me").text());
        client.post("/touch").send();

        String resigned = client.cookies().value("session").orElseThrow();
        assertEquals(sign("new", "{\"user_id\":1,\"seen\":true}", T0), resigned);
        assertEquals("1", me(app(store("new").build()), resigned).text());
        assertEquals("nobody", me(app(store("old").build()), resigned).text());
        assertEquals("1", me(app(store("new").fallbackKey(new byte[] {'o', 'l', 'd'}).build()), signedWithOld)
                .text());
        assertEquals("nobody", me(app(store("new").build()), signedWithOld).text());
    }

    @Test
    void twoAppsWithDifferentKeysCannotReadEachOthersCookies() {
        App first = app(store("first-secret").build());
        App second = app(store("second-secret").build());
        String firstCookie = sign("first-secret", "{\"user_id\":1}", T0);

        assertEquals("1", me(first, firstCookie).text());
        assertEquals("nobody", me(second, firstCookie).text());
        assertEquals("nobody", me(first, sign("second-secret", "{\"user_id\":1}", T0)).text());
    }

    @Test
    void theSaltSeparatesStoresThatShareAKey() {
        SignedCookieSessions admin = store("dev").salt("admin.session").build();

        assertEquals("nobody", me(app(admin), VALID).text());
        assertEquals("1", me(app(admin), sign("dev", "admin.session", "{\"user_id\":1}", T0)).text());
    }

    @Test
    void withoutASecretKeyTheStoreCannotBeBuiltAndSaysHowToSetOne() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SignedCookieSessions.builder().build());

        assertEquals("Signed cookie sessions need a secret key to sign the cookie with, and none was set. "
                + "Generate one (for example: openssl rand -hex 32), keep it out of source control, and pass it in: "
                + "SignedCookieSessions.builder().secretKey(System.getenv(\"SECRET_KEY\")).build(), or "
                + "SignedCookieSessions.of(key).", error.getMessage());
    }

    @Test
    void aNullKeySaysItMayBeAnUnsetVariable() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> SignedCookieSessions.of(null));

        assertEquals("The secret key is null (an unset environment variable or setting?). Generate one (for "
                + "example: openssl rand -hex 32), keep it out of source control, and pass it in: "
                + "SignedCookieSessions.builder().secretKey(System.getenv(\"SECRET_KEY\")).build(), or "
                + "SignedCookieSessions.of(key).", error.getMessage());
    }

    @Test
    void badSettingsAreRefusedWhenTheStoreIsBuilt() {
        assertEquals("The fallback key is empty, which signs nothing; use a long random secret, for example the "
                + "output of: openssl rand -hex 32.", assertThrows(IllegalArgumentException.class,
                        () -> SignedCookieSessions.builder().fallbackKey("")).getMessage());
        assertEquals("The permanent session lifetime PT0.5S is shorter than one second; give a positive duration "
                + "such as Duration.ofDays(31).", assertThrows(IllegalArgumentException.class,
                        () -> store("dev").permanentLifetime(Duration.ofMillis(500)).build()).getMessage());
        assertEquals("Path 'app' of cookie 'session' must start with '/', for example '/' or '/admin'.",
                assertThrows(IllegalArgumentException.class, () -> store("dev").path("app").build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> store("dev").cookieName("my session").build());
        assertThrows(IllegalArgumentException.class, () -> store("dev").salt("").build());
    }

    @Test
    void withoutAStoreTheSessionIsReadableAndChangingItNamesTheSecretKey() {
        App app = new App().testing(true);
        app.get("/me", request -> request.session().get("user_id").map(String::valueOf).orElse("nobody"));
        app.post("/login", request -> {
            request.session().put("user_id", 1);
            return "in";
        });
        AppTestClient client = app.testClient();

        assertEquals("nobody", client.request("GET", "/me").header("Cookie", "session=" + VALID).send().text());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> client.post("/login").send());
        assertTrue(error.getMessage().contains("secret key"), error.getMessage());
        assertEquals(Optional.empty(), client.cookies().value("session"));
    }
}
