package dev.carafe.gateway.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One flag of the command line: its name, the form of its value (empty for a switch), its default
 * as {@code --help} shows it, a sentence of help, and the setting it changes.
 *
 * @param name the flag, for example {@code --backlog}
 * @param value the form of the value, for example {@code N}; empty for a switch
 * @param byDefault the default, as shown by {@code --help}
 * @param help what it does
 * @param setting applies the value to the settings being built
 */
record CommandLineFlag(String name, String value, String byDefault, String help, Setting setting) {

    /** Applies a flag's value; {@code value} is empty for a switch. */
    @FunctionalInterface
    interface Setting {
        void apply(ServerSettings.Builder settings, String flag, String value) throws CommandLineException;
    }

    /** @return whether the flag takes a value */
    boolean takesValue() {
        return !value.isEmpty();
    }

    /** @return every flag that changes a setting, in the order {@code --help} lists them */
    static List<CommandLineFlag> all() {
        ServerSettings d = ServerSettings.defaults();
        return List.of(
                new CommandLineFlag("--bind", "HOST:PORT", d.host() + ":" + d.port(),
                        "address to listen on; port 0 picks a free port; IPv6 as [::1]:8000", (s, f, v) -> {
                            InetSocketAddress address = CommandLineValues.bind(f, v);
                            s.host(address.getHostString()).port(address.getPort());
                        }),
                new CommandLineFlag("--backlog", "N", String.valueOf(d.backlog()),
                        "connections the OS queues before the server accepts them",
                        (s, f, v) -> s.backlog(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--max-connections", "N", String.valueOf(d.maxConnections()),
                        "most connections open at once", (s, f, v) -> s.maxConnections(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--threads", CommandLineValues.choices(ServerSettings.ThreadMode.class),
                        d.threadMode().name().toLowerCase(java.util.Locale.ROOT),
                        "virtual threads (JDK 21+), a platform pool, hybrid: the pool and virtual threads for "
                                + "requests that block (JDK 21+), or auto: virtual when available",
                        (s, f, v) -> s.threadMode(CommandLineValues.choice(f, v, ServerSettings.ThreadMode.class))),
                new CommandLineFlag("--platform-threads", "N", String.valueOf(d.platformThreads()),
                        "size of the platform thread pool: the most requests in flight",
                        (s, f, v) -> s.platformThreads(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--io-threads", "N", "cores",
                        "event loops watching idle connections, with platform threads",
                        (s, f, v) -> s.ioThreads(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--limit-request-line", "BYTES", String.valueOf(d.maxRequestLineBytes()),
                        "longest request line, counting its CRLF; longer gets 414",
                        (s, f, v) -> s.maxRequestLineBytes(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--limit-request-fields", "N", String.valueOf(d.maxHeaderCount()),
                        "most header fields; more gets 431", (s, f, v) -> s.maxHeaderCount(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--limit-request-field-size", "BYTES", String.valueOf(d.maxHeaderFieldBytes()),
                        "longest header field line, counting its CRLF; longer gets 431",
                        (s, f, v) -> s.maxHeaderFieldBytes(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--limit-request-head", "BYTES", String.valueOf(d.maxHeaderBytes()),
                        "largest request head (request line and fields); larger gets 431",
                        (s, f, v) -> s.maxHeaderBytes(CommandLineValues.count(f, v, 1))),
                new CommandLineFlag("--max-body-size", "SIZE", size(d.maxBodyBytes()),
                        "largest request body (bytes, or 512KB, 10MB, 1GB); larger gets 413",
                        (s, f, v) -> s.maxBodyBytes(CommandLineValues.size(f, v))),
                new CommandLineFlag("--header-timeout", "DURATION", duration(d.headerTimeout()),
                        "deadline for a whole request head (seconds, or 500ms); late gets 408",
                        (s, f, v) -> s.headerTimeout(CommandLineValues.duration(f, v))),
                new CommandLineFlag("--keep-alive", "DURATION", duration(d.keepAliveTimeout()),
                        "how long an idle persistent connection waits for the next request",
                        (s, f, v) -> s.keepAliveTimeout(CommandLineValues.duration(f, v))),
                new CommandLineFlag("--body-timeout", "DURATION", duration(d.bodyTimeout()),
                        "how long one read of a request body may wait",
                        (s, f, v) -> s.bodyTimeout(CommandLineValues.duration(f, v))),
                new CommandLineFlag("--write-timeout", "DURATION", duration(d.writeTimeout()),
                        "how long a client may take to read the next 256 KiB of a response",
                        (s, f, v) -> s.writeTimeout(CommandLineValues.duration(f, v))),
                new CommandLineFlag("--graceful-timeout", "DURATION", duration(d.gracefulTimeout()),
                        "how long requests in flight may finish after SIGTERM",
                        (s, f, v) -> s.gracefulTimeout(CommandLineValues.duration(f, v))),
                new CommandLineFlag("--no-require-host", "", d.requireHost() ? "Host required" : "not required",
                        "accept HTTP/1.1 requests without Host (RFC 9112 §3.2 says 400)",
                        (s, f, v) -> s.requireHost(false)),
                new CommandLineFlag("--underscore-headers", CommandLineValues.choices(ServerSettings.UnderscoreHeaders.class),
                        d.underscoreHeaders().name().toLowerCase(java.util.Locale.ROOT),
                        "header names with '_': drop them, or refuse the request with 400",
                        (s, f, v) -> s.underscoreHeaders(CommandLineValues.choice(f, v,
                                ServerSettings.UnderscoreHeaders.class))),
                new CommandLineFlag("--server-header", "VALUE", d.serverHeader().orElse("(none)"),
                        "value of the Server response header", (s, f, v) -> s.serverHeader(Optional.of(v))),
                new CommandLineFlag("--no-server-header", "", "", "send no Server header",
                        (s, f, v) -> s.serverHeader(Optional.empty())),
                new CommandLineFlag("--url-scheme", "http|https", d.urlScheme(),
                        "gateway.url_scheme of every request (https behind a TLS proxy)", (s, f, v) -> s.urlScheme(v)),
                new CommandLineFlag("--script-name", "PATH", d.scriptName().isEmpty() ? "\"\"" : d.scriptName(),
                        "mount point, for example /app: SCRIPT_NAME of the requests under it", (s, f, v) -> s.scriptName(v)),
                new CommandLineFlag("--access-log", "PATH|-", d.accessLog().orElse("off"),
                        "write an access log line per request to a file, or - for standard output",
                        (s, f, v) -> s.accessLog(v)),
                new CommandLineFlag("--access-log-format", "FORMAT", d.accessLogFormat(),
                        "access log line in Gunicorn's atoms: %(h)s %(r)s %(s)s %(b)s %(a)s ...",
                        (s, f, v) -> s.accessLogFormat(v)),
                new CommandLineFlag("--env", "NAME=VALUE", "none",
                        "add NAME to every request's environ (repeatable)", (s, f, v) -> {
                            int equals = v.indexOf('=');
                            if (equals <= 0) {
                                throw CommandLineValues.bad(f, v, "NAME=VALUE, for example myapp.mode=production");
                            }
                            s.environ(v.substring(0, equals), v.substring(equals + 1));
                        }));
    }

    private static String size(long bytes) {
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "MB";
        }
        return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : String.valueOf(bytes);
    }

    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
