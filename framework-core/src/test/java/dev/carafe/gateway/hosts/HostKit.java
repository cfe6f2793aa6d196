package dev.carafe.gateway.hosts;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every kit case: the host under test (started once per class) and helpers to send
 * raw requests to it. A host joins the kit by implementing {@link HostConformance} and returning
 * its {@link HostFixture}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
interface HostKit {

    /** @return the host under test */
    HostFixture fixture();

    @BeforeAll
    default void startHost() throws Exception {
        fixture().start();
    }

    @AfterAll
    default void stopHost() throws Exception {
        fixture().stop();
    }

    /** Sends one request (a Host header added) and reads its response by its framing. */
    default RawResponse request(String method, String pathAndQuery, List<String> headerLines, byte[] body)
            throws IOException {
        try (RawConnection connection = open(method, pathAndQuery, headerLines, body)) {
            return connection.response(method.equals("HEAD"));
        }
    }

    /**
     * Sends a request whose response must have no body, pipelined with a second request, and
     * returns the bytes that came between the first response's head and the second response:
     * they must be none.
     */
    default byte[] bytesAfterHeadOf(String method, String pathAndQuery, List<String> headerLines) throws IOException {
        try (RawConnection connection = open(method, pathAndQuery, headerLines, new byte[0])) {
            connection.send("GET " + fixture().mount() + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close",
                    new byte[0]);
            connection.response(true);
            return connection.bytesBeforeNextResponse();
        }
    }

    default RawResponse get(String pathAndQuery, String... headerLines) throws IOException {
        return request("GET", pathAndQuery, List.of(headerLines), new byte[0]);
    }

    /** Opens a connection and sends one request below the mount point, without reading. */
    default RawConnection open(String method, String pathAndQuery, List<String> headerLines, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(fixture().mount()).append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(fixture().port());
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return new RawConnection(fixture().port()).send(head.toString(), body);
    }

    /** Serves an application that records a copy of its environ, requests, and returns the copy. */
    default Map<String, Object> environOf(String method, String pathAndQuery, List<String> headerLines, byte[] body)
            throws Exception {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        fixture().serve((environ, startResponse) -> {
            seen.set(new HashMap<>(environ));
            startResponse.start("200 OK", List.of());
            return List.of();
        });
        RawResponse response = request(method, pathAndQuery, headerLines, body);
        if (response.code() != 200 || seen.get() == null) {
            throw new AssertionError("The application was not reached: " + response.code() + " " + response.text());
        }
        return seen.get();
    }

    /** Serves an application that answers with a fixed status, headers and body chunks. */
    default void serveFixed(String status, List<Header> headers, List<byte[]> body) {
        fixture().serve(fixed(status, headers, body));
    }

    static Application fixed(String status, List<Header> headers, List<byte[]> body) {
        return (environ, startResponse) -> {
            startResponse.start(status, headers);
            return body;
        };
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
