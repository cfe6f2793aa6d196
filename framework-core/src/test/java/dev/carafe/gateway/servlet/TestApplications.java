package dev.carafe.gateway.servlet;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Applications a web.xml could name: by class, by static field, by static method. */
public final class TestApplications {

    /** Named by field: {@code dev.carafe.gateway.servlet.TestApplications:FIELD}. */
    public static final Application FIELD = answering("field");

    /** Not an application: naming it is an error. */
    public static final String NOT_AN_APPLICATION = "text";

    private TestApplications() {
    }

    /**
     * Named by method: {@code dev.carafe.gateway.servlet.TestApplications:method}.
     *
     * @return the application
     */
    public static Application method() {
        return answering("method");
    }

    static Application answering(String name) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return List.of((name + " " + environ.get(Environ.SCRIPT_NAME) + "|" + environ.get(Environ.PATH_INFO))
                    .getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    /** Named by class: {@code dev.carafe.gateway.servlet.TestApplications$ByClass}. */
    public static final class ByClass implements Application {

        /** The constructor the servlet calls. */
        public ByClass() {
        }

        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, dev.carafe.gateway.StartResponse startResponse)
                throws Exception {
            return answering("class").call(environ, startResponse);
        }
    }
}
