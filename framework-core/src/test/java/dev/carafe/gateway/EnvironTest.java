package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironTest {

    @Test
    void headerNamesBecomeUpperCaseHttpKeysWithUnderscores() {
        assertEquals(Optional.of("HTTP_USER_AGENT"), Environ.headerKey("User-Agent"));
        assertEquals(Optional.of("HTTP_X_FORWARDED_FOR"), Environ.headerKey("x-forwarded-for"));
    }

    @Test
    void contentTypeAndContentLengthHaveNoHttpPrefix() {
        assertEquals(Optional.of(Environ.CONTENT_TYPE), Environ.headerKey("content-type"));
        assertEquals(Optional.of(Environ.CONTENT_LENGTH), Environ.headerKey("Content-Length"));
    }

    @Test
    void headerNamesWithUnderscoresOrNonTokenCharsHaveNoKey() {
        assertEquals(Optional.empty(), Environ.headerKey("Transfer_Encoding"));
        assertEquals(Optional.empty(), Environ.headerKey("Bad Name"));
        assertEquals(Optional.empty(), Environ.headerKey("Caf\u00e9"));
        assertEquals(Optional.empty(), Environ.headerKey(""));
    }

    @Test
    void pathsArePercentDecodedToOneCharPerByte() {
        assertEquals("/caf\u00c3\u00a9", Environ.decodePath("/caf%C3%A9"));
        assertEquals("/a/b", Environ.decodePath("/a%2fb"));
        assertEquals("/100%", Environ.decodePath("/100%"));
        assertEquals("/%zz", Environ.decodePath("/%zz"));
        assertEquals("/caf\u00e9", Environ.utf8(Environ.decodePath("/caf%C3%A9")));
    }

    @Test
    void urlsAreReconstructedFromTheHostHeaderOrServerNameAndPort() {
        Map<String, Object> environ = new HashMap<>(Map.of(
                Environ.GATEWAY_URL_SCHEME, "http", Environ.SERVER_NAME, "example.com", Environ.SERVER_PORT, "8080",
                Environ.SCRIPT_NAME, "/app", Environ.PATH_INFO, "/a b", Environ.QUERY_STRING, "x=1"));
        assertEquals("http://example.com:8080/app/a%20b?x=1", Environ.requestUrl(environ));
        environ.put("HTTP_HOST", "example.org");
        assertEquals("http://example.org/app", Environ.applicationUrl(environ));
        environ.remove("HTTP_HOST");
        environ.put(Environ.GATEWAY_URL_SCHEME, "https");
        environ.put(Environ.SERVER_PORT, "443");
        assertEquals("https://example.com/app", Environ.applicationUrl(environ));
    }

    @Test
    void headersAreReadCaseInsensitivelyThroughTheirKeys() {
        Map<String, Object> environ = Map.of("HTTP_ACCEPT", "text/html", Environ.CONTENT_TYPE, "text/plain");
        assertEquals(Optional.of("text/html"), Environ.header(environ, "accept"));
        assertEquals(Optional.of("text/plain"), Environ.header(environ, "Content-Type"));
        assertEquals(Optional.empty(), Environ.header(environ, "Cookie"));
    }
}
