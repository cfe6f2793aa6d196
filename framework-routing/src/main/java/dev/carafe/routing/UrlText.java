package dev.carafe.routing;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of the parts of a URL, UTF-8, upper-case hex. */
final class UrlText {

    /** Path characters left as they are besides letters and digits (a URL path segment, plus {@code /}). */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";
    /** Query characters left as they are; a space becomes {@code +}. */
    private static final String QUERY_SAFE = "-._~!$'()*,/:;?@";
    /** Fragment characters left as they are. */
    private static final String FRAGMENT_SAFE = "-._~!$&'()*+,;=:@/?";

    private UrlText() {
    }

    /** Encodes a path; {@code /} stays only when {@code keepSlash}. */
    static String path(String text, boolean keepSlash) {
        return encode(text, PATH_SAFE + (keepSlash ? "/" : ""), false);
    }

    static String query(String text) {
        return encode(text, QUERY_SAFE, true);
    }

    static String fragment(String text) {
        return encode(text, FRAGMENT_SAFE, false);
    }

    private static String encode(String text, String safe, boolean plusForSpace) {
        int i = 0;
        while (i < text.length() && isSafe(text.charAt(i), safe)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        byte[] bytes = text.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isSafe(c, safe)) {
                out.append(c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static boolean isSafe(char c, String safe) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c < 0x80 && safe.indexOf(c) >= 0;
    }
}
