package dev.carafe.gateway.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Environ;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a host fills the environ: every host must pass these. */
interface EnvironCases extends HostKit {

    @Test
    default void methodPathAndQueryReachTheEnviron() throws Exception {
        Map<String, Object> environ = environOf("GET", "/items/7?x=1&y=a+b%20c", List.of(), new byte[0]);
        assertEquals("GET", environ.get(Environ.REQUEST_METHOD));
        assertEquals(fixture().mount(), environ.get(Environ.SCRIPT_NAME));
        assertEquals("/items/7", environ.get(Environ.PATH_INFO));
        assertEquals("x=1&y=a+b%20c", environ.get(Environ.QUERY_STRING));
        assertEquals(fixture().mount() + "/items/7?x=1&y=a+b%20c", environ.get(Environ.REQUEST_URI));
        assertEquals("HTTP/1.1", environ.get(Environ.SERVER_PROTOCOL));
    }

    @Test
    default void anyTokenMethodReachesTheApplication() throws Exception {
        Map<String, Object> environ = environOf("PURGE", "/cache", List.of(), new byte[0]);
        assertEquals("PURGE", environ.get(Environ.REQUEST_METHOD));
    }

    @Test
    default void encodedSlashIsDecodedInPathInfoAndKeptInRequestUri() throws Exception {
        Map<String, Object> environ = environOf("GET", "/files/a%2Fb", List.of(), new byte[0]);
        assertEquals("/files/a/b", environ.get(Environ.PATH_INFO));
        assertEquals(fixture().mount() + "/files/a%2Fb", environ.get(Environ.REQUEST_URI));
        assertEquals(environ.get(Environ.REQUEST_URI), environ.get(Environ.RAW_URI));
    }

    @Test
    default void utf8BytesInThePathArriveAsOneCharPerByte() throws Exception {
        Map<String, Object> environ = environOf("GET", "/caf%C3%A9", List.of(), new byte[0]);
        assertEquals("/caf\u00C3\u00A9", environ.get(Environ.PATH_INFO));
        assertEquals("/caf\u00E9", Environ.utf8((String) environ.get(Environ.PATH_INFO)));
    }

    @Test
    default void mountPointAndPathInfoSplitTheRequestPath() throws Exception {
        String mount = fixture().mount();
        Map<String, Object> atMount = environOf("GET", mount.isEmpty() ? "/" : "", List.of(), new byte[0]);
        assertEquals(mount, atMount.get(Environ.SCRIPT_NAME));
        assertEquals(mount.isEmpty() ? "/" : "", atMount.get(Environ.PATH_INFO));
        Map<String, Object> below = environOf("GET", "/", List.of(), new byte[0]);
        assertEquals(mount, below.get(Environ.SCRIPT_NAME));
        assertEquals("/", below.get(Environ.PATH_INFO));
    }

    @Test
    default void repeatedHeadersAreJoinedWithCommaAndCookiesWithSemicolon() throws Exception {
        Map<String, Object> environ = environOf("GET", "/", List.of("X-Multi: a", "X-Multi: b", "Cookie: a=1",
                "Cookie: b=2"), new byte[0]);
        assertEquals("a, b", environ.get("HTTP_X_MULTI"));
        assertEquals("a=1; b=2", environ.get("HTTP_COOKIE"));
    }

    @Test
    default void headerWithUnderscoreInItsNameIsDropped() throws Exception {
        Map<String, Object> environ = environOf("GET", "/", List.of("X_Evil: 1", "X-Good: 2"), new byte[0]);
        assertEquals("2", environ.get("HTTP_X_GOOD"));
        assertFalse(environ.keySet().stream().anyMatch(key -> key.contains("EVIL")), () -> environ.keySet().toString());
    }

    @Test
    default void contentTypeAndLengthHaveNoHttpPrefix() throws Exception {
        Map<String, Object> environ = environOf("POST", "/form", List.of("Content-Type: text/plain",
                "Content-Length: 5"), HostKit.bytes("hello"));
        assertEquals("text/plain", environ.get(Environ.CONTENT_TYPE));
        assertEquals("5", environ.get(Environ.CONTENT_LENGTH));
        assertFalse(environ.containsKey("HTTP_CONTENT_TYPE"));
        assertFalse(environ.containsKey("HTTP_CONTENT_LENGTH"));
    }

    @Test
    default void serverAndRemoteAddressesAreStrings() throws Exception {
        Map<String, Object> environ = environOf("GET", "/", List.of(), new byte[0]);
        assertEquals("127.0.0.1", environ.get(Environ.SERVER_NAME));
        assertEquals(Integer.toString(fixture().port()), environ.get(Environ.SERVER_PORT));
        assertEquals("127.0.0.1:" + fixture().port(), environ.get("HTTP_HOST"));
        assertEquals("127.0.0.1", environ.get(Environ.REMOTE_ADDR));
        assertTrue(((String) environ.get(Environ.REMOTE_PORT)).matches("[0-9]+"), () -> environ.toString());
    }

    @Test
    default void gatewayKeysHaveTheirContractTypes() throws Exception {
        Map<String, Object> environ = environOf("GET", "/", List.of(), new byte[0]);
        assertEquals(List.of(1, 0), environ.get(Environ.GATEWAY_VERSION));
        assertEquals("http", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertInstanceOf(InputStream.class, environ.get(Environ.GATEWAY_INPUT));
        assertInstanceOf(PrintWriter.class, environ.get(Environ.GATEWAY_ERRORS));
        assertInstanceOf(Boolean.class, environ.get(Environ.GATEWAY_MULTITHREAD));
        assertEquals(Boolean.FALSE, environ.get(Environ.GATEWAY_RUN_ONCE));
        assertInstanceOf(Boolean.class, environ.get(Environ.GATEWAY_MULTIPROCESS));
        assertEquals(Boolean.TRUE, environ.get(Environ.GATEWAY_INPUT_TERMINATED));
    }

    @Test
    default void everyCgiValueIsAStringOfLatin1Chars() throws Exception {
        Map<String, Object> environ = environOf("GET", "/caf%C3%A9?q=%E2%82%AC", List.of("X-Note: plain"), new byte[0]);
        environ.forEach((key, value) -> {
            if (!key.contains(".")) {
                String text = assertInstanceOf(String.class, value, key);
                assertTrue(text.chars().allMatch(c -> c <= 0xFF), () -> key + "=" + text);
            }
        });
        assertFalse(((String) environ.get(Environ.SERVER_PORT)).isEmpty());
    }
}
