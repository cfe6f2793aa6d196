package dev.carafe.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.AppTestClient;
import dev.carafe.gateway.testing.TestResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachingSnippetsTest {

    private static final Instant UPDATED = Instant.parse("2026-11-20T10:15:30Z");

    @Test
    void hashedReportAnswersNotModifiedToItsOwnTag() {
        AppTestClient client = CachingSnippets.hashed().testClient();
        String etag = client.get("/report").header("ETag").orElseThrow();
        assertEquals(304, client.request("GET", "/report").header("If-None-Match", etag).send().status());
    }

    @Test
    void versionedPostAnswersNotModifiedWithCacheControl() {
        Map<Integer, CachingSnippets.Post> posts = Map.of(1, new CachingSnippets.Post(1, "Hello", 42, UPDATED));
        AppTestClient client = CachingSnippets.versioned(posts).testClient();
        TestResponse fresh = client.request("GET", "/posts/1").header("If-None-Match", "\"v42\"").send();
        assertEquals(304, fresh.status());
        assertEquals(Optional.of("no-cache"), fresh.header("Cache-Control"));
        assertEquals(304, client.request("GET", "/posts/1")
                .header("If-Modified-Since", "Fri, 20 Nov 2026 10:15:30 GMT").send().status());
        assertEquals(200, client.request("GET", "/posts/1").header("If-None-Match", "\"v41\"").send().status());
        assertEquals(404, client.get("/posts/2").status());
    }

    @Test
    void logAnswersARangeWithPartialContent() {
        TestResponse part = CachingSnippets.ranges().testClient().request("GET", "/log")
                .header("Range", "bytes=7-12").send();
        assertEquals(206, part.status());
        assertEquals("line 2", part.text());
    }

    @Test
    void updateWithAStaleTagIsRefused() {
        Map<Integer, CachingSnippets.Post> posts = new HashMap<>(Map.of(1, new CachingSnippets.Post(1, "Hello", 42, UPDATED)));
        AppTestClient client = CachingSnippets.update(posts).testClient();
        TestResponse stale = client.put("/posts/1").header("If-Match", "\"v41\"").form("title", "Hi").send();
        assertEquals(412, stale.status());
        assertEquals("Hello", posts.get(1).title());
        TestResponse current = client.put("/posts/1").header("If-Match", "\"v42\"").form("title", "Hi").send();
        assertEquals(Optional.of("\"v43\""), current.header("ETag"));
        assertEquals("Hi", posts.get(1).title());
    }

    @Test
    void inspectShowsTheParsedHeaders() {
        String text = CachingSnippets.headers().testClient().request("GET", "/inspect")
                .header("If-None-Match", "W/\"v1\"").header("If-Match", "*")
                .header("If-Modified-Since", "Fri, 20 Nov 2026 10:15:30 GMT").header("Range", "bytes=0-9")
                .header("User-Agent", "curl/8.5.0").send().text();
        assertEquals(String.join("\n",
                "if-none-match: [W/\"v1\"]",
                "if-match any: true",
                "if-modified-since: Optional[2026-11-20T10:15:30Z]",
                "if-unmodified-since: Optional.empty",
                "range: Optional[[RangeSpec[first=OptionalLong[0], last=OptionalLong[9]]]]",
                "user-agent: curl/8.5.0"), text);
    }
}
