package dev.carafe.gateway.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules 37 to 40: how the application uses gateway.input and gateway.errors, and what the server's input returns. */
class StreamRulesTest {

    private final Harness harness = new Harness();

    /** An application that reads its input with the given action and answers with what it read. */
    private interface Reading {
        String read(InputStream input) throws Exception;
    }

    private static Application reading(Reading action) {
        return (environ, startResponse) -> {
            String text = action.read((InputStream) environ.get(Environ.GATEWAY_INPUT));
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void rule37ReadingToTheEndOfAnUnterminatedInputIsAWarning() throws Exception {
        HashMap<String, Object> environ = harness.environ("name=carafe");
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, false);
        assertEquals("name=carafe", harness.serve(environ,
                reading(in -> new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        assertEquals(List.of("Gateway rule 37 (read to end): the application read gateway.input to its end with "
                + "readAllBytes() while gateway.input_terminated is not true; expected such reads only when the server "
                + "ends the input where the body ends. Read CONTENT_LENGTH bytes instead, for example with "
                + "readNBytes(length)."), harness.warnings);
    }

    @Test
    void rule37ReadingToTheEndOfATerminatedInputIsFine() throws Exception {
        assertEquals("name=carafe", harness.serve(harness.environ("name=carafe"),
                reading(in -> new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        assertEquals(List.of(), harness.warnings);
    }

    @Test
    void rule38AnInputReturningMoreBytesThanAskedIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[16]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return len + 1;
            }
        });
        assertEquals("Gateway rule 38 (input reads): gateway.input.read(byte[], 0, 8) returned 9; expected -1 at the "
                + "end of the body, or 1 to 8 bytes (0 only when len is 0). Fix the server's input stream.",
                harness.violation(38, () -> harness.serve(environ, reading(in -> String.valueOf(in.read(new byte[8]))))));
    }

    @Test
    void rule38AnInputReturningAnImpossibleByteIsRejected() {
        HashMap<String, Object> environ = harness.environ();
        environ.put(Environ.GATEWAY_INPUT, new InputStream() {
            @Override
            public int read() {
                return 300;
            }
        });
        assertEquals("Gateway rule 38 (input reads): gateway.input.read() returned 300; expected a byte from 0 to 255, "
                + "or -1 at the end of the body. Fix the server's input stream.",
                harness.violation(38, () -> harness.serve(environ, reading(in -> String.valueOf(in.read())))));
    }

    @Test
    void rule39ClosingTheInputIsRejected() {
        assertEquals("Gateway rule 39 (stream close): the application closed gateway.input; expected it to stay open: "
                + "the server owns the stream. Remove the close() call (and the try-with-resources around it).",
                harness.violation(39, () -> harness.serve(reading(in -> {
                    in.close();
                    return "";
                }))));
    }

    @Test
    void rule39ClosingTheErrorsIsRejected() {
        Application app = (environ, startResponse) -> {
            ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).close();
            return List.of();
        };
        assertEquals("Gateway rule 39 (stream close): the application closed gateway.errors; expected it to stay "
                + "open: the server owns the stream. Remove the close() call (use flush() to push the output out).",
                harness.violation(39, () -> harness.serve(app)));
    }

    @Test
    void rule40WritingANullStringToErrorsIsRejected() {
        Application app = (environ, startResponse) -> {
            ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).write((String) null);
            return List.of();
        };
        assertEquals("Gateway rule 40 (errors writes): gateway.errors.write was given a null String; expected text. "
                + "Use print(Object), which prints \"null\", or pass String.valueOf(value).",
                harness.violation(40, () -> harness.serve(app)));
    }

    @Test
    void rule40WritingANullCharArrayToErrorsIsRejected() {
        Application app = (environ, startResponse) -> {
            ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).print((char[]) null);
            return List.of();
        };
        assertEquals("Gateway rule 40 (errors writes): gateway.errors.write was given a null char[]; expected an array "
                + "of chars. Pass an array, or print String.valueOf(value) instead.",
                harness.violation(40, () -> harness.serve(app)));
    }

    @Test
    void rule40WritingOutsideTheStringToErrorsIsRejected() {
        Application app = (environ, startResponse) -> {
            ((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)).write("oops", 2, 5);
            return List.of();
        };
        assertEquals("Gateway rule 40 (errors writes): gateway.errors.write was given off=2, len=5 for a String of 4 "
                + "chars; expected 0 <= off, 0 <= len and off + len <= 4. Fix the range.",
                harness.violation(40, () -> harness.serve(app)));
    }

    @Test
    void errorsOutputReachesTheServersWriter() throws Exception {
        Application app = (environ, startResponse) -> {
            PrintWriter errors = (PrintWriter) environ.get(Environ.GATEWAY_ERRORS);
            errors.print("caf\u00e9 \u2603");
            errors.println(42);
            errors.flush();
            startResponse.start("204 No Content", List.of());
            return List.of();
        };
        harness.serve(app);
        assertEquals("caf\u00e9 \u2603" + "42" + System.lineSeparator(), harness.errors.toString());
    }
}
