package dev.carafe.sample;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The sample's hello application, written against the gateway contract alone. */
public final class Hello implements Application {

    // tag::hello[]
    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        startResponse.start("200 OK", List.of(
                new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Length", Integer.toString(body.length))));
        return List.of(body);
    }
    // end::hello[]
}
