package dev.carafe.gateway.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** The argument checks of {@link ServerSettings.Builder}, each failing with the offending value. */
final class SettingChecks {

    /** Environ keys the server sets itself; a deployer's extra may not replace them. */
    private static final Set<String> SERVER_KEYS = Set.of("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO",
            "QUERY_STRING", "CONTENT_TYPE", "CONTENT_LENGTH", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL",
            "SERVER_SOFTWARE", "REMOTE_ADDR", "REMOTE_PORT", "REQUEST_URI", "HTTPS");

    private SettingChecks() {
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            String upper = max == Integer.MAX_VALUE ? "" : String.valueOf(max);
            throw new IllegalArgumentException(name + " must be " + min + ".." + upper + ", got " + value);
        }
        return value;
    }

    static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    static String latin1(String what, String value) {
        Objects.requireNonNull(value, what);
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xff) {
                throw new IllegalArgumentException(what + " must only contain chars up to U+00FF, got \""
                        + value + "\"");
            }
        }
        return value;
    }

    static String fieldValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff || (c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(name + " must be a header value without control characters, got \""
                        + value.replace("\r", "\\r").replace("\n", "\\n") + "\"");
            }
        }
        return value;
    }

    static String scriptName(String value) {
        Objects.requireNonNull(value, "scriptName");
        if (!value.isEmpty() && (!value.startsWith("/") || value.endsWith("/") || value.indexOf('?') >= 0)) {
            throw new IllegalArgumentException("scriptName must be \"\" or a path starting with \"/\" and not ending "
                    + "with it, for example \"/app\"; got \"" + value + "\"");
        }
        return latin1("scriptName", value);
    }

    static String environName(String name) {
        Objects.requireNonNull(name, "environ name");
        if (name.isEmpty() || SERVER_KEYS.contains(name) || name.startsWith("gateway.") || name.startsWith("HTTP_")) {
            throw new IllegalArgumentException("environ name must not be empty nor a key the server sets itself "
                    + "(CGI keys, HTTP_*, gateway.*), got \"" + name + "\"; use your own prefix, for example "
                    + "\"myapp.setting\"");
        }
        return latin1("environ name", name);
    }
}
