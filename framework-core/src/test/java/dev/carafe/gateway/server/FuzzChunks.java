package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes chunked request bodies: valid ones (random sizes in any hex case with leading zeros,
 * extensions with tokens and quoted strings, trailer fields) whose de-chunked bytes are known, and
 * ones with exactly one fault whose answer is known (400, or 413 for a size past the body limit).
 */
final class FuzzChunks {

    /**
     * A chunked request and what the server must answer.
     *
     * @param request the request
     * @param body the de-chunked body when the request is valid, else null
     * @param status 200 for a valid request, else the refusal's status
     */
    record Chunked(FuzzCase request, byte[] body, int status) {
    }

    /** A fault: its name, the bytes that replace one valid chunk, and the status it gets. */
    private record Fault(String name, String chunk, int status) {
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault("size not hex", "g\r\nabc\r\n", 400),
            new Fault("size with 0x", "0x3\r\nabc\r\n", 400),
            new Fault("negative size", "-3\r\nabc\r\n", 400),
            new Fault("space before size", " 3\r\nabc\r\n", 400),
            new Fault("empty size", "\r\nabc\r\n", 400),
            new Fault("space after size", "3 \r\nabc\r\n", 400),
            new Fault("size overflowing a long", "ffffffffffffffffff\r\nabc\r\n", 413),
            new Fault("size past the body limit", "7fffffffffffffff\r\nabc\r\n", 413),
            new Fault("data longer than its size", "2\r\nabc\r\n", 400),
            new Fault("no CRLF after data", "3\r\nabcX\r\n", 400),
            new Fault("bare LF after data", "3\r\nabc\n", 400),
            new Fault("bare LF after size", "3\nabc\r\n", 400),
            new Fault("bare CR in size line", "3\rabc\r\n", 400),
            new Fault("unterminated quoted extension", "3;a=\"xy\r\nabc\r\n", 400),
            new Fault("control character in quoted extension", "3;a=\"x\u0001y\"\r\nabc\r\n", 400),
            new Fault("extension without name", "3;=v\r\nabc\r\n", 400),
            new Fault("extension with empty value", "3;a=\r\nabc\r\n", 400),
            new Fault("extension with a quote in a token", "3;a=b\"c\r\nabc\r\n", 400),
            new Fault("NUL in size line", "3;a\u0000\r\nabc\r\n", 400));

    private static final String HEAD = "POST /chunks HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\n";

    private final long seed;
    private final Random random;

    FuzzChunks(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** {@code count} requests; about half carry one fault, in a random place among valid chunks. */
    List<Chunked> cases(int count) {
        List<Chunked> cases = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            StringBuilder text = new StringBuilder(HEAD);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<String> story = new ArrayList<>();
            int chunks = 1 + random.nextInt(4);
            int faultAt = random.nextBoolean() ? random.nextInt(chunks + 1) : -1;
            Fault fault = faultAt >= 0 ? FAULTS.get(random.nextInt(FAULTS.size())) : null;
            for (int i = 0; i <= chunks; i++) {
                if (i == faultAt) {
                    text.append(fault.chunk());
                    story.add("fault: " + fault.name());
                }
                if (i < chunks) {
                    String data = data(1 + random.nextInt(random.nextBoolean() ? 16 : 3000));
                    body.writeBytes(FuzzCase.bytes(data));
                    String size = size(data.length());
                    text.append(size).append(extension()).append("\r\n").append(data).append("\r\n");
                    story.add(size);
                }
            }
            text.append('0').append(extension()).append("\r\n");
            if (random.nextBoolean()) {
                text.append("X-Checksum: abc\r\nX-Other:\t\"quoted\" value\r\n");
            }
            boolean truncated = fault == null && random.nextInt(8) == 0;
            if (!truncated) {
                text.append("\r\n");
            } else {
                story.add("fault: final CRLF missing, then end of input");
            }
            boolean endInput = truncated || random.nextBoolean();
            FuzzCase request = new FuzzCase(seed, index, "chunked", String.join(", ", story),
                    FuzzCase.bytes(text.toString()), endInput);
            boolean valid = fault == null && !truncated;
            cases.add(new Chunked(request, valid ? body.toByteArray() : null,
                    valid ? 200 : truncated ? 400 : fault.status()));
        }
        return cases;
    }

    /** The size in hex, in random case, sometimes with leading zeros. */
    private String size(int length) {
        String hex = Integer.toHexString(length);
        if (random.nextBoolean()) {
            hex = hex.toUpperCase(java.util.Locale.ROOT);
        }
        return random.nextInt(4) == 0 ? "00" + hex : hex;
    }

    private String extension() {
        return switch (random.nextInt(6)) {
            case 0 -> ";name=value";
            case 1 -> ";q=\"a \\\"b\\\" ;c\"";
            case 2 -> " ; flag";
            case 3 -> ";a=1;b=\"\"";
            default -> "";
        };
    }

    private String data(int length) {
        StringBuilder data = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            data.append((char) random.nextInt(256));
        }
        return data.toString();
    }
}
