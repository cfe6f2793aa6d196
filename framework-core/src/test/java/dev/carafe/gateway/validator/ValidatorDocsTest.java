package dev.carafe.gateway.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Middleware;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of docs/validator.md, run as tests. */
class ValidatorDocsTest {

    private final Harness harness = new Harness();

    @Test
    void wrappingAnApplication() throws Exception {
        Application app = Harness.ok();
        // tag::wrap[]
        Application checkedForServer = Validator.create().wrap(app);     // warnings to gateway.errors

        List<String> warnings = new ArrayList<>();
        Application checkedForTest = Validator.create(warnings::add).wrap(app);
        // end::wrap[]
        assertEquals("ok", harness.serve(checkedForTest));
        assertEquals("ok", new Harness().serve(checkedForServer));
        assertEquals(List.of(), warnings);
    }

    @Test
    void checkingAMiddleware() throws Exception {
        Middleware upperCase = next -> (environ, startResponse) -> {
            List<byte[]> out = new ArrayList<>();
            Iterable<byte[]> body = next.call(environ, startResponse);
            try {
                for (byte[] chunk : body) {
                    out.add(new String(chunk, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                ((AutoCloseable) body).close();
            }
            return List.of(String.join("", out.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList())
                    .getBytes(StandardCharsets.UTF_8));
        };
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8));
        };
        List<String> warnings = new ArrayList<>();
        // tag::middleware[]
        Validator validator = Validator.create(warnings::add);
        Application checked = validator.wrap(upperCase.wrap(validator.wrap(app)));
        // end::middleware[]
        Iterable<byte[]> body = checked.call(harness.environ(), harness.startResponse());
        for (byte[] chunk : body) {
            assertEquals("AB", new String(chunk, StandardCharsets.UTF_8));
        }
        ((AutoCloseable) body).close();
        assertEquals(1, warnings.size());
        assertEquals(true, warnings.get(0).startsWith("Gateway rule 36 (chunk per chunk): the middleware between two "
                + "validators consumed 2 upstream chunks before yielding chunk 0;"));
    }
}
