package dev.carafe.gateway.server;

import java.nio.charset.StandardCharsets;

/**
 * One request of a fuzz run: the bytes sent on a fresh connection, and how they came to be, so a
 * failure can be replayed from the seed and the index.
 *
 * @param seed the run's random seed
 * @param index the case's position in the run
 * @param origin the valid request it was mutated from
 * @param mutations what was done to it, empty for the valid request itself
 * @param bytes the bytes to send
 * @param endInput whether the client half-closes after sending (else the server must time out)
 */
record FuzzCase(long seed, int index, String origin, String mutations, byte[] bytes, boolean endInput) {

    boolean mutated() {
        return !mutations.isEmpty();
    }

    /** The case for a failure message: seed, index, origin, mutations and the bytes, escaped. */
    String describe() {
        return "seed " + seed + ", case " + index + " (" + origin + (mutated() ? ": " + mutations : ", unmutated")
                + (endInput ? ", then end of input" : ", output left open") + "): " + escape(bytes);
    }

    /** The bytes as Java string text: printable ASCII as is, CR, LF and tab escaped, others as \xHH. */
    static String escape(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 16).append('"');
        for (byte value : bytes) {
            int b = value & 0xff;
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '"', '\\' -> text.append('\\').append((char) b);
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        text.append((char) b);
                    } else {
                        text.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
