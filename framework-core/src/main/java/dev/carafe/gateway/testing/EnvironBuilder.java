package dev.carafe.gateway.testing;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Header;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the environ a server would pass for a prepared request: every CGI key and every gateway key. */
final class EnvironBuilder {

    static final String REMOTE_PORT = "50000";
    static final String SOFTWARE = "Carafe-TestClient";

    private EnvironBuilder() {
    }

    static HashMap<String, Object> build(Prepared request, Optional<String> cookies, PrintWriter errors) {
        Target target = request.target();
        HashMap<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, request.method());
        environ.put(Environ.SCRIPT_NAME, Environ.decodePath(target.rawScriptName()));
        environ.put(Environ.PATH_INFO, Environ.decodePath(target.rawPathInfo()));
        environ.put(Environ.QUERY_STRING, target.rawQuery());
        environ.put(Environ.REQUEST_URI, target.requestUri());
        environ.put(Environ.RAW_URI, target.requestUri());
        environ.put(Environ.SERVER_NAME, target.host());
        environ.put(Environ.SERVER_PORT, Integer.toString(target.port()));
        environ.put(Environ.SERVER_PROTOCOL, request.protocol());
        environ.put(Environ.SERVER_SOFTWARE, SOFTWARE);
        environ.put(Environ.REMOTE_ADDR, request.remoteAddr());
        environ.put(Environ.REMOTE_PORT, REMOTE_PORT);
        if (target.scheme().equals("https")) {
            environ.put(Environ.HTTPS, "on");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Header header : request.headers()) {
            String value = latin1(header);
            Environ.headerKey(header.name()).ifPresent(key -> fields.merge(key, value,
                    (a, b) -> a + (key.equals("HTTP_COOKIE") ? "; " : ", ") + b));
        }
        fields.putIfAbsent("HTTP_HOST", target.hostHeader());
        cookies.ifPresent(jar -> fields.merge("HTTP_COOKIE", jar, (own, fromJar) -> fromJar + "; " + own));
        request.payload().ifPresent(payload -> {
            fields.put(Environ.CONTENT_LENGTH, Integer.toString(payload.bytes().length));
            payload.contentType().ifPresent(type -> fields.putIfAbsent(Environ.CONTENT_TYPE, type));
        });
        environ.putAll(fields);
        byte[] body = request.payload().map(Payload::bytes).orElse(new byte[0]);
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION_1_0);
        environ.put(Environ.GATEWAY_URL_SCHEME, target.scheme());
        environ.put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(body));
        environ.put(Environ.GATEWAY_ERRORS, errors);
        environ.put(Environ.GATEWAY_MULTITHREAD, false);
        environ.put(Environ.GATEWAY_MULTIPROCESS, false);
        environ.put(Environ.GATEWAY_RUN_ONCE, false);
        environ.put(Environ.GATEWAY_INPUT_TERMINATED, true);
        environ.putAll(request.extra());
        return environ;
    }

    private static String latin1(Header header) {
        String value = header.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || c < 0x20 && c != '\t' || c == 0x7F) {
                throw new IllegalArgumentException("The value of request header '" + header.name() + "' has the char "
                        + String.format("U+%04X", (int) c) + " at index " + i + ", which a request line cannot "
                        + "carry; expected chars from U+0020 to U+00FF or HTAB. Encode the value first (for example "
                        + "percent-encoding).");
            }
        }
        return value;
    }
}
