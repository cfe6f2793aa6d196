package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The code shown in {@code docs/server-cli.md}; {@code ApplicationLoaderTest} loads it the way the page says. */
final class ServerCliDocsSnippets {

    private ServerCliDocsSnippets() {
    }

    // tag::app[]
    public static final class Hello {
        public static final Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
            return List.of("Hello, World!".getBytes(StandardCharsets.UTF_8));
        };

        public static Application create() {
            return app;
        }
    }
    // end::app[]
}
