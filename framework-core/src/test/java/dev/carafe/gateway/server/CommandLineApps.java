package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Applications, and things that are not, for the command-line tests to name. */
final class CommandLineApps {

    /** What the slow application prints when a request reaches it. */
    static final String SLOW_STARTED = "slow request started";

    private CommandLineApps() {
    }

    private static Application saying(String text) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Named by a field, a method, or (as a class) by itself. */
    public static final class Hello implements Application {
        public static final Application app = saying("field");
        public static final String text = "not an application";
        public static final Application nothing = null;
        public final Application instanceField = saying("instance");

        public static Application factory() {
            return saying("method");
        }

        public static Object wrongFactory() {
            return 42;
        }

        public static Application failingFactory() {
            throw new IllegalStateException("database unreachable");
        }

        /** Answers with the client address and scheme the application sees. */
        public static Application client() {
            return (environ, startResponse) -> {
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return List.of((environ.get("REMOTE_ADDR") + " " + environ.get("gateway.url_scheme"))
                        .getBytes(StandardCharsets.UTF_8));
            };
        }

        public static Application slow() {
            return (environ, startResponse) -> {
                System.out.println(SLOW_STARTED);
                System.out.flush();
                Thread.sleep(300);
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return List.of("slow".getBytes(StandardCharsets.UTF_8));
            };
        }

        @Override
        public Iterable<byte[]> call(java.util.Map<String, Object> environ, dev.carafe.gateway.StartResponse startResponse)
                throws Exception {
            return saying("class").call(environ, startResponse);
        }
    }

    /** An application class without a public no-argument constructor. */
    public static final class NeedsArgument implements Application {
        private final String text;

        public NeedsArgument(String text) {
            this.text = text;
        }

        @Override
        public Iterable<byte[]> call(java.util.Map<String, Object> environ, dev.carafe.gateway.StartResponse startResponse)
                throws Exception {
            return saying(text).call(environ, startResponse);
        }
    }

    /** An application class whose constructor fails. */
    public static final class Broken implements Application {
        public Broken() {
            throw new IllegalStateException("no configuration");
        }

        @Override
        public Iterable<byte[]> call(java.util.Map<String, Object> environ, dev.carafe.gateway.StartResponse startResponse) {
            return List.of();
        }
    }

    /** A class that is not an application. */
    public static final class Plain {
    }
}
