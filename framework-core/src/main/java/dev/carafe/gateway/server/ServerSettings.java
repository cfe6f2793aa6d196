package dev.carafe.gateway.server;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link GatewayServer}: where it listens, how it runs connections, and the limits
 * and timeouts that protect it from slow or hostile clients. Immutable; edit a copy with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.builder()
 *         .host("0.0.0.0").port(8080)
 *         .maxBodyBytes(1024 * 1024)
 *         .accessLog("-")
 *         .build();
 * }</pre>
 *
 * <p>Every builder setter checks its argument and throws {@link IllegalArgumentException} with the
 * offending value and the accepted range, for example {@code port must be 0..65535, got 70000}.
 */
public final class ServerSettings {

    /** Gunicorn's default access-log format, the Apache common log format plus referer and user agent. */
    public static final String DEFAULT_ACCESS_LOG_FORMAT =
            "%(h)s %(l)s %(u)s %(t)s \"%(r)s\" %(s)s %(b)s \"%(f)s\" \"%(a)s\"";

    /** How the server gives connections threads: virtual ones, a platform pool behind event loops, or both. */
    public enum ThreadMode {
        /** A virtual thread per connection on JDK 21 and later, platform threads on JDK 17 to 20. */
        AUTO,
        /** A virtual thread per connection; needs JDK 21 or later, fails at start otherwise. */
        VIRTUAL,
        /**
         * A pool of {@link ServerSettings#platformThreads()} platform threads: connections waiting
         * for their next request are parked on {@link ServerSettings#ioThreads()} event loops and
         * hold no thread; a request holds one while it runs.
         */
        PLATFORM,
        /**
         * The event loops of {@code PLATFORM}, whose platform threads serve quick requests in place,
         * but a loop whose application blocks hands its requests to virtual threads rather than to
         * the platform pool, so blocking requests are not capped by {@link ServerSettings#platformThreads()},
         * and a loop whose pool is full goes on with a virtual thread; needs JDK 21 or later, fails at
         * start otherwise.
         */
        HYBRID
    }

    /** What the server does with a request header whose name contains {@code _}. */
    public enum UnderscoreHeaders {
        /** Drop the field: the application never sees it (the default, as Gunicorn and Waitress). */
        DROP,
        /** Answer 400 Bad Request and close the connection. */
        REFUSE
    }

    /** A private copy of the builder that made these settings; never exposed, so never changed. */
    private final Builder values;

    private ServerSettings(Builder builder) {
        this.values = new Builder(builder);
    }

    /** @return the default settings: {@code 127.0.0.1:8000}, every limit and timeout at its documented default */
    public static ServerSettings defaults() {
        return builder().build();
    }

    /** @return a new builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a new builder holding a copy of every one of these settings */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /** @return the address to listen on, a host name or IP literal; default {@code 127.0.0.1} */
    public String host() {
        return values.host;
    }

    /** @return the port to listen on, 0 for any free port; default 8000 */
    public int port() {
        return values.port;
    }

    /** @return the listen backlog: connections the OS queues before the server accepts them; default 1024 */
    public int backlog() {
        return values.backlog;
    }

    /**
     * The most connections open at once; default 10000. Beyond it the server stops accepting and
     * new connections wait in the OS backlog until a connection closes.
     */
    public int maxConnections() {
        return values.maxConnections;
    }

    /** @return how connections get threads; default {@link ThreadMode#AUTO} */
    public ThreadMode threadMode() {
        return values.threadMode;
    }

    /**
     * The size of the platform thread pool when platform threads are used; default 200: the most
     * requests in flight at once (connections waiting for a request hold no thread). 1 makes the
     * server single-threaded ({@code gateway.multithread} is then false).
     *
     * @return the pool size
     */
    public int platformThreads() {
        return values.platformThreads;
    }

    /**
     * The number of event loops when platform threads are used (at most {@link #platformThreads()});
     * default the number of cores this JVM sees. Each loop watches its share of the idle connections
     * and runs the requests that arrive on them; see {@code docs/server.md}, "Threads".
     *
     * @return the event loop count
     */
    public int ioThreads() {
        return values.ioThreads;
    }

    /** @return the longest request line accepted, in bytes, counting its CRLF; default 8192; longer → 414 */
    public int maxRequestLineBytes() {
        return values.maxRequestLineBytes;
    }

    /** @return the most header fields in a request head; default 100; more → 431 */
    public int maxHeaderCount() {
        return values.maxHeaderCount;
    }

    /** @return the longest header field line, in bytes, counting its CRLF; default 8190; longer → 431 */
    public int maxHeaderFieldBytes() {
        return values.maxHeaderFieldBytes;
    }

    /** @return the largest request head (request line and all fields), in bytes; default 65536; larger → 431 */
    public int maxHeaderBytes() {
        return values.maxHeaderBytes;
    }

    /**
     * The largest request body, in bytes; default 10 MiB. A larger {@code Content-Length} is refused
     * before the application runs, a chunked body when it grows past it; both with 413.
     */
    public long maxBodyBytes() {
        return values.maxBodyBytes;
    }

    /**
     * The deadline for receiving a whole request head, from its first byte; default 10 s. A client
     * that trickles its head (slowloris) is answered 408 and disconnected when it passes.
     */
    public Duration headerTimeout() {
        return values.headerTimeout;
    }

    /** @return how long an idle persistent connection waits for the next request; default 5 s */
    public Duration keepAliveTimeout() {
        return values.keepAliveTimeout;
    }

    /** @return how long one read of the request body may wait for bytes; default 30 s */
    public Duration bodyTimeout() {
        return values.bodyTimeout;
    }

    /** @return how long a client may take to read the next 256 KiB of a response before it is cut off; default 30 s */
    public Duration writeTimeout() {
        return values.writeTimeout;
    }

    /** @return how long {@link GatewayServer#close()} and a shutdown signal let requests finish; default 30 s */
    public Duration gracefulTimeout() {
        return values.gracefulTimeout;
    }

    /** @return whether an HTTP/1.1 request needs exactly one valid {@code Host} (else 400); default true */
    public boolean requireHost() {
        return values.requireHost;
    }

    /** @return what happens to request header names containing {@code _}; default {@link UnderscoreHeaders#DROP} */
    public UnderscoreHeaders underscoreHeaders() {
        return values.underscoreHeaders;
    }

    /** @return the {@code Server} header value added to responses, empty for none; default {@code Carafe} */
    public Optional<String> serverHeader() {
        return values.serverHeader;
    }

    /** @return the {@code gateway.url_scheme} of every request, {@code http} or {@code https}; default {@code http} */
    public String urlScheme() {
        return values.urlScheme;
    }

    /**
     * The mount point of the application; default {@code ""}. A request whose raw path starts with
     * it at a segment boundary has it as {@code SCRIPT_NAME} and the rest as {@code PATH_INFO}; any
     * other request has {@code SCRIPT_NAME} {@code ""} and its whole path.
     *
     * @return {@code ""} or a path starting with {@code /} and not ending with it
     */
    public String scriptName() {
        return values.scriptName;
    }

    /** @return where access-log lines go: {@code -} for standard output or a file path; empty (the default) for none */
    public Optional<String> accessLog() {
        return values.accessLog;
    }

    /** @return the access-log line format in Gunicorn's atom syntax; default {@link #DEFAULT_ACCESS_LOG_FORMAT} */
    public String accessLogFormat() {
        return values.accessLogFormat;
    }

    /** @return extra name/value pairs put into every environ (PEP 3333 "Application Configuration"); default none */
    public Map<String, String> environ() {
        return Collections.unmodifiableMap(values.environ);
    }

    @Override
    public String toString() {
        Builder v = values;
        return "ServerSettings[host=" + v.host + ", port=" + v.port + ", backlog=" + v.backlog + ", maxConnections="
                + v.maxConnections + ", threadMode=" + v.threadMode + ", platformThreads=" + v.platformThreads
                + ", ioThreads=" + v.ioThreads                + ", maxRequestLineBytes=" + v.maxRequestLineBytes + ", maxHeaderCount=" + v.maxHeaderCount
                + ", maxHeaderFieldBytes=" + v.maxHeaderFieldBytes + ", maxHeaderBytes=" + v.maxHeaderBytes
                + ", maxBodyBytes=" + v.maxBodyBytes + ", headerTimeout=" + v.headerTimeout + ", keepAliveTimeout="
                + v.keepAliveTimeout + ", bodyTimeout=" + v.bodyTimeout + ", writeTimeout=" + v.writeTimeout
                + ", gracefulTimeout=" + v.gracefulTimeout
                + ", requireHost=" + v.requireHost + ", underscoreHeaders=" + v.underscoreHeaders + ", serverHeader="
                + v.serverHeader + ", urlScheme=" + v.urlScheme + ", scriptName=" + v.scriptName + ", accessLog="
                + v.accessLog + ", accessLogFormat=" + v.accessLogFormat + ", environ=" + v.environ + "]";
    }

    /** A mutable builder of {@link ServerSettings}; every setter validates its argument. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8000;
        private int backlog = 1024;
        private int maxConnections = 10_000;
        private ThreadMode threadMode = ThreadMode.AUTO;
        private int platformThreads = 200;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private int maxRequestLineBytes = 8192;
        private int maxHeaderCount = 100;
        private int maxHeaderFieldBytes = 8190;
        private int maxHeaderBytes = 65_536;
        private long maxBodyBytes = 10L * 1024 * 1024;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration keepAliveTimeout = Duration.ofSeconds(5);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration gracefulTimeout = Duration.ofSeconds(30);
        private boolean requireHost = true;
        private UnderscoreHeaders underscoreHeaders = UnderscoreHeaders.DROP;
        private Optional<String> serverHeader = Optional.of("Carafe");
        private String urlScheme = "http";
        private String scriptName = "";
        private Optional<String> accessLog = Optional.empty();
        private String accessLogFormat = DEFAULT_ACCESS_LOG_FORMAT;
        private final Map<String, String> environ = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(Builder s) {
            host = s.host;
            port = s.port;
            backlog = s.backlog;
            maxConnections = s.maxConnections;
            threadMode = s.threadMode;
            platformThreads = s.platformThreads;
            ioThreads = s.ioThreads;
            maxRequestLineBytes = s.maxRequestLineBytes;
            maxHeaderCount = s.maxHeaderCount;
            maxHeaderFieldBytes = s.maxHeaderFieldBytes;
            maxHeaderBytes = s.maxHeaderBytes;
            maxBodyBytes = s.maxBodyBytes;
            headerTimeout = s.headerTimeout;
            keepAliveTimeout = s.keepAliveTimeout;
            bodyTimeout = s.bodyTimeout;
            writeTimeout = s.writeTimeout;
            gracefulTimeout = s.gracefulTimeout;
            requireHost = s.requireHost;
            underscoreHeaders = s.underscoreHeaders;
            serverHeader = s.serverHeader;
            urlScheme = s.urlScheme;
            scriptName = s.scriptName;
            accessLog = s.accessLog;
            accessLogFormat = s.accessLogFormat;
            environ.putAll(s.environ);
        }

        /** Sets {@link ServerSettings#host()}: a host name or IP literal to listen on, for example {@code 0.0.0.0}. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                throw new IllegalArgumentException("host must be a host name or IP address without spaces, got \""
                        + host + "\"");
            }
            this.host = host;
            return this;
        }

        /** Sets {@link ServerSettings#port()}: 0..65535; 0 binds any free port ({@link GatewayServer#port()}). */
        public Builder port(int port) {
            this.port = SettingChecks.range("port", port, 0, 65_535);
            return this;
        }

        /** Sets {@link ServerSettings#backlog()}: the listen backlog, at least 1. */
        public Builder backlog(int backlog) {
            this.backlog = SettingChecks.range("backlog", backlog, 1, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#maxConnections()}: the most connections open at once, at least 1. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = SettingChecks.range("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#threadMode()}: how connections get threads. */
        public Builder threadMode(ThreadMode threadMode) {
            this.threadMode = Objects.requireNonNull(threadMode, "threadMode");
            return this;
        }

        /** Sets {@link ServerSettings#platformThreads()}: the platform pool size, at least 1. */
        public Builder platformThreads(int platformThreads) {
            this.platformThreads = SettingChecks.range("platformThreads", platformThreads, 1, 100_000);
            return this;
        }

        /** Sets {@link ServerSettings#ioThreads()}: the number of event loops with platform threads, at least 1. */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = SettingChecks.range("ioThreads", ioThreads, 1, 1024);
            return this;
        }

        /** Sets {@link ServerSettings#maxRequestLineBytes()}: the longest request line, at least 16. */
        public Builder maxRequestLineBytes(int bytes) {
            this.maxRequestLineBytes = SettingChecks.range("maxRequestLineBytes", bytes, 16, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#maxHeaderCount()}: the most header fields, at least 1. */
        public Builder maxHeaderCount(int count) {
            this.maxHeaderCount = SettingChecks.range("maxHeaderCount", count, 1, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#maxHeaderFieldBytes()}: the longest header field line, at least 16. */
        public Builder maxHeaderFieldBytes(int bytes) {
            this.maxHeaderFieldBytes = SettingChecks.range("maxHeaderFieldBytes", bytes, 16, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#maxHeaderBytes()}: the largest request head, at least 64. */
        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = SettingChecks.range("maxHeaderBytes", bytes, 64, Integer.MAX_VALUE);
            return this;
        }

        /** Sets {@link ServerSettings#maxBodyBytes()}: the largest request body, 0 or more. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must be 0 or more, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Sets {@link ServerSettings#headerTimeout()}: the deadline for a whole request head, positive. */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = SettingChecks.positive("headerTimeout", timeout);
            return this;
        }

        /** Sets {@link ServerSettings#keepAliveTimeout()}: idle time between requests, positive. */
        public Builder keepAliveTimeout(Duration timeout) {
            this.keepAliveTimeout = SettingChecks.positive("keepAliveTimeout", timeout);
            return this;
        }

        /** Sets {@link ServerSettings#bodyTimeout()}: the longest wait for one read of a request body, positive. */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = SettingChecks.positive("bodyTimeout", timeout);
            return this;
        }

        /** Sets {@link ServerSettings#writeTimeout()}: the longest wait for a client to take part of a response, positive. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = SettingChecks.positive("writeTimeout", timeout);
            return this;
        }

        /** Sets {@link ServerSettings#gracefulTimeout()}: how long a graceful stop waits, zero or more. */
        public Builder gracefulTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "gracefulTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("gracefulTimeout must be zero or more, got " + timeout);
            }
            this.gracefulTimeout = timeout;
            return this;
        }

        /** Sets {@link ServerSettings#requireHost()}: whether HTTP/1.1 requests need exactly one valid Host field. */
        public Builder requireHost(boolean requireHost) {
            this.requireHost = requireHost;
            return this;
        }

        /** Sets {@link ServerSettings#underscoreHeaders()}: what to do with header names containing {@code _}. */
        public Builder underscoreHeaders(UnderscoreHeaders policy) {
            this.underscoreHeaders = Objects.requireNonNull(policy, "underscoreHeaders");
            return this;
        }

        /** Sets {@link ServerSettings#serverHeader()}: the {@code Server} header value; empty to send none. */
        public Builder serverHeader(Optional<String> value) {
            Objects.requireNonNull(value, "serverHeader");
            value.ifPresent(v -> SettingChecks.fieldValue("serverHeader", v));
            this.serverHeader = value;
            return this;
        }

        /** Sets {@link ServerSettings#urlScheme()}: {@code http} or {@code https}. */
        public Builder urlScheme(String scheme) {
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("urlScheme must be \"http\" or \"https\", got \"" + scheme + "\"");
            }
            this.urlScheme = scheme;
            return this;
        }

        /** Sets {@link ServerSettings#scriptName()}: {@code ""} or a path like {@code /app} (no trailing slash). */
        public Builder scriptName(String scriptName) {
            this.scriptName = SettingChecks.scriptName(scriptName);
            return this;
        }

        /** Sets {@link ServerSettings#accessLog()}: {@code -} for standard output, or a file path to append to. */
        public Builder accessLog(String destination) {
            Objects.requireNonNull(destination, "accessLog");
            if (destination.isBlank()) {
                throw new IllegalArgumentException(
                        "accessLog must be \"-\" (standard output) or a file path, got \"" + destination + "\"");
            }
            this.accessLog = Optional.of(destination);
            return this;
        }

        /** @return this builder, with the access log off (the default) */
        public Builder noAccessLog() {
            this.accessLog = Optional.empty();
            return this;
        }

        /** Sets {@link ServerSettings#accessLogFormat()}: Gunicorn atoms, such as {@code %(h)s "%(r)s" %(s)s}. */
        public Builder accessLogFormat(String format) {
            AccessLogFormat.parse(Objects.requireNonNull(format, "accessLogFormat"));
            this.accessLogFormat = format;
            return this;
        }

        /**
         * Adds a name/value pair to every request's environ; a later call with the same name replaces it.
         *
         * @param name the environ key, for example {@code myapp.config}; not a key the server sets itself
         * @param value the value
         * @return this builder
         */
        public Builder environ(String name, String value) {
            environ.put(SettingChecks.environName(name), SettingChecks.latin1("environ value of " + name, value));
            return this;
        }

        /** @return the settings, immutable */
        public ServerSettings build() {
            return new ServerSettings(this);
        }
    }
}
