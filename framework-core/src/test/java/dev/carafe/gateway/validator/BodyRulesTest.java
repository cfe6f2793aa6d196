package dev.carafe.gateway.validator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.BodyWriter;
import dev.carafe.gateway.Header;
import dev.carafe.gateway.Middleware;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Rules 26 to 36: the body an application returns and how the server handles it. */
class BodyRulesTest {

    private final Harness harness = new Harness();

    private static List<Header> plain() {
        return List.of(new Header("Content-Type", "text/plain"));
    }

    private static Application returning(Iterable<byte[]> body) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", plain());
            return body;
        };
    }

    private String violation(int rule, Application app) {
        return harness.violation(rule, () -> harness.serve(app));
    }

    @Test
    void rule26ANullBodyIsRejected() {
        assertEquals("Gateway rule 26 (body returned): the application returned null as its body; expected an "
                + "Iterable<byte[]>, List.of() for no body. Return an empty list instead of null.",
                violation(26, returning(null)));
    }

    @Test
    void rule27ABodyWhoseIteratorIsNullIsRejected() {
        Iterable<byte[]> broken = () -> null;
        String message = violation(27, returning(broken));
        assertEquals("Gateway rule 27 (body type): the body's iterator() returned null (the body is a "
                + broken.getClass().getName() + "); expected an Iterator over byte[] chunks. Return an iterator from "
                + "iterator(), an empty one when there are no chunks.", message);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rule27ABodyOfTextIsRejected() {
        Iterable<byte[]> text = (Iterable) List.of("Hello");
        assertEquals("Gateway rule 27 (body type): the body yields text, \"Hello\" (a java.lang.String), instead of "
                + "byte[] chunks; expected an Iterable<byte[]>. Encode the text, for example "
                + "text.getBytes(StandardCharsets.UTF_8).", violation(27, returning(text)));
    }

    @Test
    void rule28ANullChunkIsRejected() {
        assertEquals("Gateway rule 28 (body chunk): the body yielded null as chunk 1; expected a non-null byte[] "
                + "(new byte[0] for nothing). Yield byte arrays only (an unchecked cast may have let another type in).",
                violation(28, returning(Arrays.asList("a".getBytes(UTF_8), null))));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rule28AChunkOfAnotherTypeIsRejected() {
        Iterable<byte[]> numbers = (Iterable) List.of(42);
        assertEquals("Gateway rule 28 (body chunk): the body yielded 42 (a java.lang.Integer) as chunk 0; expected a "
                + "non-null byte[] (new byte[0] for nothing). Yield byte arrays only (an unchecked cast may have let "
                + "another type in).", violation(28, returning(numbers)));
    }

    @Test
    void rule29AChunkBeforeStartIsRejected() {
        Application app = (environ, startResponse) -> List.of("early".getBytes(UTF_8));
        assertEquals("Gateway rule 29 (start before body): the body produced chunk 0 (5 bytes) before "
                + "StartResponse.start was called; expected start before the first chunk. Call start before returning "
                + "the body or before yielding from it.", violation(29, app));
    }

    @Test
    void rule29ABodyThatEndsWithoutStartIsRejected() {
        Application app = (environ, startResponse) -> List.of();
        assertEquals("Gateway rule 29 (start before body): the body ended but StartResponse.start was never called; "
                + "expected a call to start before the body ends. Call start before returning the body or while it "
                + "is iterated.", violation(29, app));
    }

    @Test
    void rule30IterationAfterCloseIsRejected() throws Exception {
        Iterable<byte[]> body = harness.validator.wrap(Harness.ok()).call(harness.environ(), harness.startResponse());
        ((AutoCloseable) body).close();
        assertEquals("Gateway rule 30 (iteration after close): iterator() was called on the body after it was closed; "
                + "expected no iteration after close(). Stop iterating once the body is closed.",
                harness.violation(30, body::iterator));
    }

    @Test
    void rule31ASecondCloseIsRejected() throws Exception {
        Iterable<byte[]> body = harness.validator.wrap(Harness.ok()).call(harness.environ(), harness.startResponse());
        ((AutoCloseable) body).close();
        assertEquals("Gateway rule 31 (body closed once): the server closed the body a second time; expected exactly "
                + "one close(), after the last chunk, after an error or when the client went away. Close the body "
                + "once, in a finally block.", harness.violation(31, ((AutoCloseable) body)::close));
    }

    @Test
    void rule31ABodyNeverClosedIsReportedWhenCollected() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Validator.create(warnings::add).wrap(Harness.ok()).call(harness.environ(), harness.startResponse());
        for (int i = 0; i < 50 && warnings.isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(List.of("Gateway rule 31 (body closed once): a body (a " + List.of(new byte[0]).getClass().getName()
                + ") was garbage collected without being closed; expected the server to close every body exactly "
                + "once. Close the body in a finally block after iterating it."), warnings);
    }

    @Test
    void rule32ACollectionWhoseSizeLiesIsAWarning() throws Exception {
        Iterable<byte[]> lying = new AbstractCollection<>() {
            @Override
            public Iterator<byte[]> iterator() {
                return List.of("one".getBytes(UTF_8)).iterator();
            }

            @Override
            public int size() {
                return 2;
            }
        };
        harness.serve(returning(lying));
        assertEquals(List.of("Gateway rule 32 (chunk count): the body is a " + lying.getClass().getName() + " whose "
                + "size() is 2 but it yielded 1 chunks; expected size() to equal the number of chunks. Fix size() or "
                + "return a body that is not a Collection."), harness.warnings);
    }

    @Test
    void rule33AContentLengthThatDoesNotMatchIsAWarning() throws Exception {
        Application app = (environ, startResponse) -> {
            BodyWriter writer = startResponse.start("200 OK",
                    List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "12")));
            writer.write("ab".getBytes(UTF_8));
            return List.of("cde".getBytes(UTF_8));
        };
        harness.serve(app);
        assertEquals(List.of("Gateway rule 33 (Content-Length match): the Content-Length header says 12 bytes but the "
                + "body sent 5 (yielded and written); expected them to match. Fix the header, or leave it out and let "
                + "the server frame the body."), harness.warnings);
    }

    @Test
    void rule34ABodyOnA204IsAWarning() throws Exception {
        Application app = (environ, startResponse) -> {
            startResponse.start("204 No Content", List.of());
            return List.of("oops".getBytes(UTF_8));
        };
        harness.serve(app);
        assertEquals(List.of("Gateway rule 34 (bodiless status): the response \"204 No Content\" carries 4 body bytes; "
                + "expected no body on 1xx, 204 and 304 responses. Return an empty body."), harness.warnings);
    }

    @Test
    void rule34AContentLengthOnA204IsAWarning() throws Exception {
        Application app = (environ, startResponse) -> {
            startResponse.start("204 No Content", List.of(new Header("Content-Length", "0")));
            return List.of();
        };
        harness.serve(app);
        assertEquals(List.of("Gateway rule 34 (bodiless status): the response \"204 No Content\" has a Content-Length "
                + "header (\"0\"); expected none on 1xx and 204 responses. Remove the header."), harness.warnings);
    }

    @Test
    void rule35WriteWithNullIsRejected() {
        Application app = (environ, startResponse) -> {
            startResponse.start("200 OK", plain()).write(null);
            return List.of();
        };
        assertEquals("Gateway rule 35 (write()): write() was called with null; expected a byte[] (new byte[0] to send "
                + "nothing). Pass the bytes to send.", violation(35, app));
    }

    @Test
    void rule35WriteFromInsideTheIterationIsRejected() {
        Application writing = (environ, startResponse) -> {
            BodyWriter[] writer = new BodyWriter[1];
            writer[0] = startResponse.start("200 OK", plain());
            return () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        writer[0].write("late".getBytes(UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return false;
                }

                @Override
                public byte[] next() {
                    throw new NoSuchElementException();
                }
            };
        };
        assertEquals("Gateway rule 35 (write()): write() was called with 4 bytes from inside the body's iteration; "
                + "expected writes only before the body is returned. Yield the bytes from the body instead.",
                violation(35, writing));
    }

    @Test
    void rule35WriteAfterCloseIsRejected() throws Exception {
        BodyWriter[] writer = new BodyWriter[1];
        Application app = (environ, startResponse) -> {
            writer[0] = startResponse.start("200 OK", plain());
            return List.of();
        };
        harness.serve(app);
        assertEquals("Gateway rule 35 (write()): write() was called with 3 bytes after the body was closed; expected "
                + "every write before the server closes the body. Write the bytes before returning the body, or yield "
                + "them from it.", harness.violation(35, () -> writer[0].write("end".getBytes(UTF_8))));
    }

    @Test
    void rule36AMiddlewareThatCollectsChunksIsAWarning() throws Exception {
        Middleware collecting = next -> (environ, startResponse) -> {
            Iterable<byte[]> body = next.call(environ, startResponse);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                for (byte[] chunk : body) {
                    all.write(chunk);
                }
            } finally {
                ((AutoCloseable) body).close();
            }
            return List.of(all.toByteArray());
        };
        Application three = returning(List.of("a".getBytes(UTF_8), "b".getBytes(UTF_8), "c".getBytes(UTF_8)));
        assertEquals("abc", harness.serve(collecting.wrap(harness.validator.wrap(three))));
        assertEquals(List.of("Gateway rule 36 (chunk per chunk): the middleware between two validators consumed 3 "
                + "upstream chunks before yielding chunk 0; expected at least one chunk for every upstream chunk (an "
                + "empty byte[] when there is nothing to send yet). Yield as soon as each upstream chunk arrives "
                + "instead of collecting them."), harness.warnings);
    }
}
