package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayServerTest {

    private final ServerTestSupport support = new ServerTestSupport();

    @AfterEach
    void stopServers() {
        support.close();
    }

    @Test
    void answersASimpleGetWithContentLength() throws IOException {
        GatewayServer server = support.start(ServerTestSupport.text("Hello"));
        try (RawClient client = new RawClient(server.port())) {
            String response = client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.contains("\r\nContent-Length: 5\r\n"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.contains("\r\nServer: Carafe\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\nHello"), response);
        }
        assertEquals(server.port(), server.address().getPort());
    }
}
