package dev.carafe.gateway.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests an llhttp {@code log} block describes: its {@code span[...]} callbacks joined per
 * message, up to each {@code message complete}.
 *
 * @param complete the messages llhttp completed, in order
 * @param incomplete whether a message began and did not complete (without an error)
 * @param method the method of the last message begun, or empty if none
 */
record ConformanceLlhttpLog(List<ConformanceRequest> complete, boolean incomplete, String method) {

    private static final Pattern SPAN = Pattern.compile("^off=\\d+ len=(\\d+) span\\[(\\w+)]=\"(.*)\"$");
    private static final Pattern VERSION = Pattern.compile("headers complete .*v=(\\d+)/(\\d+)");

    static ConformanceLlhttpLog parse(List<String> log, byte[] sent) {
        List<ConformanceRequest> complete = new ArrayList<>();
        Message current = null;
        String lastMethod = "";
        for (String line : log) {
            if (line.endsWith(" message begin")) {
                current = new Message();
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher span = SPAN.matcher(line);
            Matcher version = VERSION.matcher(line);
            if (span.matches()) {
                current.span(span.group(2), bytes(span.group(3), Integer.parseInt(span.group(1)), sent));
            } else if (version.find()) {
                current.headersComplete(version.group(1) + "." + version.group(2));
            } else if (line.endsWith(" message complete")) {
                complete.add(current.request());
                lastMethod = current.text(current.method);
                current = null;
            } else if (line.contains(" error code=")) {
                return new ConformanceLlhttpLog(complete, false, current.text(current.method));
            }
        }
        return new ConformanceLlhttpLog(complete, current != null,
                current == null ? lastMethod : current.text(current.method));
    }

    /**
     * Decodes a span's text. The log escapes control characters ({@code \t \r \n \f \xHH}) but not
     * backslashes or quotes, and shows bytes above 0x7F as text, from UTF-8 or from Latin-1: the
     * reading that occurs in the bytes sent is the right one, else the one of the span's length.
     */
    static byte[] bytes(String shown, int length, byte[] sent) {
        List<byte[]> candidates = List.of(unescape(shown, true), unescape(shown, false),
                shown.getBytes(StandardCharsets.UTF_8));
        String haystack = new String(sent, StandardCharsets.ISO_8859_1);
        for (byte[] candidate : candidates) {
            if (haystack.contains(new String(candidate, StandardCharsets.ISO_8859_1))) {
                return candidate;
            }
        }
        return candidates.stream().filter(c -> c.length == length).findFirst().orElse(candidates.get(0));
    }

    private static byte[] unescape(String shown, boolean utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '\\' && i + 1 < shown.length()) {
                char e = shown.charAt(i + 1);
                int decoded = switch (e) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'x' -> i + 3 < shown.length() ? Integer.parseInt(shown.substring(i + 2, i + 4), 16) : -1;
                    default -> -1;
                };
                if (decoded >= 0) {
                    out.write(decoded);
                    i += e == 'x' ? 3 : 1;
                    continue;
                }
            }
            out.writeBytes(utf8 ? String.valueOf(c).getBytes(StandardCharsets.UTF_8)
                    : new byte[] {(byte) c});
        }
        return out.toByteArray();
    }

    /** One message being collected. */
    private static final class Message {
        private final ByteArrayOutputStream method = new ByteArrayOutputStream();
        private final ByteArrayOutputStream url = new ByteArrayOutputStream();
        private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private ByteArrayOutputStream name;
        private ByteArrayOutputStream value;
        private String version = "";
        private boolean inHead = true;

        void span(String kind, byte[] bytes) {
            switch (kind) {
                case "method" -> method.writeBytes(bytes);
                case "url" -> url.writeBytes(bytes);
                case "protocol" -> protocol.writeBytes(bytes);
                case "header_field" -> {
                    if (inHead) {
                        endField();
                        name = new ByteArrayOutputStream();
                        value = new ByteArrayOutputStream();
                        name.writeBytes(bytes);
                    }
                }
                case "header_value" -> {
                    if (inHead && value != null) {
                        value.writeBytes(bytes);
                    }
                }
                case "body" -> body.writeBytes(bytes);
                default -> { }
            }
        }

        void headersComplete(String numbers) {
            endField();
            inHead = false;
            String name = text(protocol);
            version = (name.isEmpty() ? "HTTP" : name) + "/" + numbers;
        }

        private void endField() {
            if (name != null) {
                headers.add(Map.entry(text(name), Target.trimOws(text(value))));
                name = null;
                value = null;
            }
        }

        ConformanceRequest request() {
            return new ConformanceRequest(text(method), text(url), version, List.copyOf(headers), body.toByteArray());
        }

        String text(ByteArrayOutputStream bytes) {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
