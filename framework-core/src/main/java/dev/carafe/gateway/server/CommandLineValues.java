package dev.carafe.gateway.server;

import dev.carafe.gateway.middleware.ProxyFix;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the values of command-line flags: counts, sizes, durations and bind addresses. */
final class CommandLineValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");
    private static final Map<String, Long> UNITS = Map.of("b", 1L, "kb", 1L << 10, "kib", 1L << 10,
            "mb", 1L << 20, "mib", 1L << 20, "gb", 1L << 30, "gib", 1L << 30);

    private CommandLineValues() {
    }

    /** A whole number of at least {@code min}. */
    static int count(String flag, String value, int min) throws CommandLineException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(flag, value, "a whole number of " + min + " or more");
    }

    /** A byte size: a number of bytes, or with a unit KB, MB, GB (1024-based), for example {@code 10MB}. */
    static long size(String flag, String value) throws CommandLineException {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                long unit = m.group(2) == null ? 1 : UNITS.get(m.group(2));
                return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        throw bad(flag, value, "a size in bytes, or with a unit KB, MB or GB, for example 10MB");
    }

    /** A duration: seconds ({@code 30}, {@code 2.5}, {@code 30s}) or milliseconds ({@code 500ms}). */
    static Duration duration(String flag, String value) throws CommandLineException {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = "ms".equals(m.group(2)) ? amount : amount * 1000;
            if (millis <= Long.MAX_VALUE / 2.0) {
                return Duration.ofNanos(Math.round(millis * 1_000_000));
            }
        }
        throw bad(flag, value, "seconds (30, 2.5, 30s) or milliseconds (500ms)");
    }

    /** An address to bind: {@code HOST:PORT}, IPv6 as {@code [::1]:8000}. */
    static InetSocketAddress bind(String flag, String value) throws CommandLineException {
        int colon = value.lastIndexOf(':');
        String expected = "HOST:PORT, for example 127.0.0.1:8000, 0.0.0.0:8080 or [::1]:8000";
        if (colon <= 0 || colon == value.length() - 1) {
            throw bad(flag, value, expected);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
            throw bad(flag, value, expected + " (put an IPv6 address in brackets)");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw bad(flag, value, expected);
        }
        if (host.isEmpty() || port < 0 || port > 65_535) {
            throw bad(flag, value, expected + " with a port from 0 to 65535");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** One of the names of an enum, in lower case. */
    static <E extends Enum<E>> E choice(String flag, String value, Class<E> type) throws CommandLineException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw bad(flag, value, "one of " + choices(type));
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        StringBuilder text = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            text.append(text.length() == 0 ? "" : "|").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    /**
     * A {@code --proxy-fix} value: {@code for=1,proto=1,host=1,port=1,prefix=1,forwarded=1}, each
     * the number of proxies that set that header (ProxyFix's builder; unnamed ones keep its
     * defaults: {@code for} and {@code proto} 1, the others 0).
     */
    static ProxyFix.Builder proxyFix(String flag, String value) throws CommandLineException {
        String expected = "HEADER=HOPS,... with HEADER one of for, proto, host, port, prefix, forwarded and HOPS "
                + "a number of proxies, for example for=1,proto=1,host=1";
        ProxyFix.Builder builder = ProxyFix.builder();
        for (String part : value.split(",", -1)) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw bad(flag, value, expected);
            }
            String header = part.substring(0, equals).strip();
            int hops = count(flag, part.substring(equals + 1).strip(), 0);
            switch (header) {
                case "for" -> builder.xFor(hops);
                case "proto" -> builder.xProto(hops);
                case "host" -> builder.xHost(hops);
                case "port" -> builder.xPort(hops);
                case "prefix" -> builder.xPrefix(hops);
                case "forwarded" -> builder.forwarded(hops);
                default -> throw bad(flag, value, expected);
            }
        }
        return builder;
    }

    /**
     * A {@code --forwarded-allow-ips} value, Gunicorn's: comma-separated addresses and CIDR networks,
     * or {@code *}, set as {@code builder}'s trusted proxies.
     */
    static void trustedProxies(String flag, String value, ProxyFix.Builder builder) throws CommandLineException {
        try {
            builder.trustedProxies(value.split(",", -1));
        } catch (IllegalArgumentException e) {
            throw new CommandLineException(flag + ": " + e.getMessage());
        }
    }

    static CommandLineException bad(String flag, String value, String expected) {
        return new CommandLineException(flag + ": expected " + expected + ", got '" + value + "'");
    }
}
