package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Turns the suites' text encodings of a request into the exact bytes to send, as the suites' README says. */
final class ConformanceBytes {

    private ConformanceBytes() {
    }

    /**
     * Decodes a Gunicorn {@code .http} file: literal newlines mean nothing and are removed, then
     * {@code \r\n}, {@code \0}, {@code \n}, {@code \t} and {@code \xHH} are decoded; every other byte
     * (UTF-8 included) is sent as it is.
     *
     * @param file the file's bytes
     * @return the bytes to send
     */
    static byte[] gunicorn(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        ByteArrayOutputStream text = new ByteArrayOutputStream(file.length);
        for (byte b : file) {
            if (b != '\n') {
                text.write(b);
            }
        }
        byte[] in = text.toByteArray();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && i + 1 < in.length) {
                byte e = in[i + 1];
                if (e == 'r' && i + 3 < in.length && in[i + 2] == '\\' && in[i + 3] == 'n') {
                    out.write('\r');
                    out.write('\n');
                    i += 3;
                    continue;
                }
                int decoded = switch (e) {
                    case '0' -> 0;
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'x' -> hex(in, i + 2);
                    default -> -1;
                };
                if (decoded >= 0) {
                    out.write(decoded);
                    i += e == 'x' ? 3 : 1;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    /**
     * Encodes an llhttp {@code http} block: drop the final newline, join lines that end with a
     * backslash, turn LF into CRLF, then decode {@code \r \n \t \f \xHH}; other characters are
     * sent as UTF-8 (the Markdown file's encoding), other backslashes as they are.
     *
     * @param block the text between the fence lines
     * @return the bytes to send
     */
    static byte[] llhttp(String block) {
        String text = block.endsWith("\n") ? block.substring(0, block.length() - 1) : block;
        text = text.replace("\\\n", "").replace("\n", "\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && i + 1 < in.length) {
                int decoded = switch (in[i + 1]) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'f' -> '\f';
                    case 'x' -> hex(in, i + 2);
                    default -> -1;
                };
                if (decoded >= 0) {
                    out.write(decoded);
                    i += in[i + 1] == 'x' ? 3 : 1;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    /**
     * Shows bytes for reports: printable ASCII as is, CR, LF and HTAB as escapes, others as {@code \xHH}.
     *
     * @param bytes the bytes
     * @param max how many bytes to show at most; longer input ends with {@code …(N bytes)}
     * @return the text
     */
    static String show(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int c = bytes[i] & 0xff;
            if (c == '\r') {
                text.append("\\r");
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c == '\t') {
                text.append("\\t");
            } else if (c >= 0x20 && c < 0x7f && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        if (bytes.length > max) {
            text.append("…(").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }

    private static int hex(byte[] in, int at) {
        if (at + 1 >= in.length) {
            return -1;
        }
        int high = Character.digit(in[at], 16);
        int low = Character.digit(in[at + 1], 16);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }
}
