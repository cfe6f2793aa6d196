package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.Middleware;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects the environ of a request that came through reverse proxies, as Werkzeug's
 * {@code ProxyFix} does: the client's address, the scheme, the host, the port and the mount prefix
 * the client used are taken from the headers the proxies added, but only as many values of each
 * header as there are trusted proxies.
 *
 * <p>Each proxy appends its value to a header such as {@code X-Forwarded-For}, so with {@code n}
 * trusted proxies the value to use is the {@code n}-th from the right: that one was added by the
 * outermost trusted proxy, and anything to its left came from the client and may be forged. A
 * header with fewer values than the trust count is ignored, and so is a value that does not parse
 * (a port that is not a number, a scheme other than {@code http}/{@code https}, a malformed host).
 *
 * <ul>
 *   <li>{@code X-Forwarded-For} sets {@code REMOTE_ADDR} (a port or IPv6 brackets are removed).</li>
 *   <li>{@code X-Forwarded-Proto} sets {@code gateway.url_scheme}, and {@code HTTPS} to {@code on}
 *       for {@code https} (removed for {@code http}).</li>
 *   <li>{@code X-Forwarded-Host} sets {@code HTTP_HOST}, {@code SERVER_NAME}, and
 *       {@code SERVER_PORT}: the host's port, else the scheme's default port.</li>
 *   <li>{@code X-Forwarded-Port} sets {@code SERVER_PORT} and the port of {@code HTTP_HOST}.</li>
 *   <li>{@code X-Forwarded-Prefix} is decoded and put in front of {@code SCRIPT_NAME}.</li>
 * </ul>
 *
 * <p>With {@link Builder#forwarded(int)} above zero the RFC 7239 {@code Forwarded} header is read
 * instead of {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} (its
 * {@code for}, {@code proto} and {@code host} parameters of the element that many hops from the
 * right); {@code X-Forwarded-Prefix}, which has no RFC 7239 counterpart, still applies. The values
 * the request had before are kept as an unmodifiable {@code Map<String, String>} under
 * {@link #ORIGINAL} (keys that were absent are absent).
 *
 * <p>The headers are believed only from the {@linkplain Builder#trustedProxies(String...) trusted
 * proxies}: a request whose peer (its {@code REMOTE_ADDR} before the fix) is not one of them passes
 * through unchanged, without {@link #ORIGINAL}. The default is the loopback addresses
 * {@code 127.0.0.1} and {@code ::1}, as Gunicorn's {@code forwarded_allow_ips}, rather than
 * Werkzeug's any peer: with nginx on the same host nothing more is needed, and a client that reaches
 * the server directly, past the proxy, cannot pose as another address or as HTTPS.
 *
 * <pre>{@code
 * Application app = ProxyFix.builder().xFor(1).xProto(1).xHost(1).build().wrap(site);
 * Application remote = ProxyFix.builder().trustedProxies("10.0.0.0/8").build().wrap(site);
 * }</pre>
 */
public final class ProxyFix implements Middleware {

    /** The environ key of the values before the fix, a {@code Map<String, String>}. */
    public static final String ORIGINAL = "proxy_fix.orig";

    private static final List<String> REWRITTEN = List.of(Environ.REMOTE_ADDR, Environ.GATEWAY_URL_SCHEME,
            Environ.HTTPS, "HTTP_HOST", Environ.SERVER_NAME, Environ.SERVER_PORT, Environ.SCRIPT_NAME);

    private final int xFor;
    private final int xProto;
    private final int xHost;
    private final int xPort;
    private final int xPrefix;
    private final int forwarded;
    private final TrustedProxies trustedProxies;

    private ProxyFix(Builder builder) {
        this.xFor = builder.xFor;
        this.xProto = builder.xProto;
        this.xHost = builder.xHost;
        this.xPort = builder.xPort;
        this.xPrefix = builder.xPrefix;
        this.forwarded = builder.forwarded;
        this.trustedProxies = builder.trustedProxies;
    }

    /**
     * Starts a configuration with Werkzeug's trust counts, {@code xFor=1}, {@code xProto=1},
     * {@code xHost=0}, {@code xPort=0}, {@code xPrefix=0}, {@code forwarded=0}, and Gunicorn's
     * trusted proxies, {@code 127.0.0.1} and {@code ::1}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Application wrap(Application next) {
        return Lifespan.forward((environ, startResponse) -> {
            fix(environ);
            return next.call(environ, startResponse);
        }, next);
    }

    private void fix(Map<String, Object> environ) {
        if (!trustedProxies.trusts(environ.get(Environ.REMOTE_ADDR))) {
            return;
        }
        Map<String, String> original = new LinkedHashMap<>();
        for (String key : REWRITTEN) {
            if (environ.get(key) instanceof String value) {
                original.put(key, value);
            }
        }
        environ.put(ORIGINAL, Map.copyOf(original));
        Optional<String> client;
        Optional<String> scheme;
        Optional<String> host;
        Optional<String> port = Optional.empty();
        if (forwarded > 0) {
            Optional<Map<String, String>> element = Environ.header(environ, "Forwarded")
                    .flatMap(Forwarded::parse).flatMap(elements -> hop(elements, forwarded));
            client = element.map(e -> e.get("for"));
            scheme = element.map(e -> e.get("proto"));
            host = element.map(e -> e.get("host"));
        } else {
            client = trusted(environ, "X-Forwarded-For", xFor);
            scheme = trusted(environ, "X-Forwarded-Proto", xProto);
            host = trusted(environ, "X-Forwarded-Host", xHost);
            port = trusted(environ, "X-Forwarded-Port", xPort);
        }
        client.flatMap(ForwardedValues::clientAddress).ifPresent(a -> environ.put(Environ.REMOTE_ADDR, a));
        scheme.flatMap(ForwardedValues::scheme).ifPresent(s -> {
            environ.put(Environ.GATEWAY_URL_SCHEME, s);
            if (s.equals("https")) {
                environ.put(Environ.HTTPS, "on");
            } else {
                environ.remove(Environ.HTTPS);
            }
        });
        host.flatMap(ForwardedValues::host).ifPresent(h -> {
            environ.put("HTTP_HOST", h.text());
            environ.put(Environ.SERVER_NAME, h.host());
            boolean https = "https".equals(environ.get(Environ.GATEWAY_URL_SCHEME));
            environ.put(Environ.SERVER_PORT, h.port().orElse(https ? "443" : "80"));
        });
        port.flatMap(ForwardedValues::port).ifPresent(p -> {
            if (environ.get("HTTP_HOST") instanceof String h) {
                String name = ForwardedValues.host(h).map(ForwardedValues.HostPort::host).orElse(h);
                environ.put("HTTP_HOST", name + ":" + p);
            }
            environ.put(Environ.SERVER_PORT, p);
        });
        trusted(environ, "X-Forwarded-Prefix", xPrefix).flatMap(ForwardedValues::prefix).ifPresent(prefix ->
                environ.put(Environ.SCRIPT_NAME, prefix + environ.getOrDefault(Environ.SCRIPT_NAME, "")));
    }

    /** The value {@code trust} hops from the right of a comma-separated header, if it has that many. */
    private static Optional<String> trusted(Map<String, Object> environ, String header, int trust) {
        if (trust == 0) {
            return Optional.empty();
        }
        return Environ.header(environ, header)
                .flatMap(value -> hop(List.of(value.split(",", -1)), trust))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    private static <T> Optional<T> hop(List<T> values, int trust) {
        return values.size() >= trust ? Optional.ofNullable(values.get(values.size() - trust)) : Optional.empty();
    }

    /**
     * The trust counts, how many proxies in front of the application set each header, and the
     * proxies whose headers are believed.
     */
    public static final class Builder {

        private int xFor = 1;
        private int xProto = 1;
        private int xHost;
        private int xPort;
        private int xPrefix;
        private int forwarded;
        private TrustedProxies trustedProxies = TrustedProxies.LOOPBACK;

        private Builder() {
        }

        /**
         * Sets how many proxies append to {@code X-Forwarded-For}.
         *
         * @param hops 0 to ignore the header; default 1
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder xFor(int hops) {
            xFor = checked("X-Forwarded-For", hops);
            return this;
        }

        /**
         * Sets how many proxies append to {@code X-Forwarded-Proto}.
         *
         * @param hops 0 to ignore the header; default 1
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder xProto(int hops) {
            xProto = checked("X-Forwarded-Proto", hops);
            return this;
        }

        /**
         * Sets how many proxies append to {@code X-Forwarded-Host}.
         *
         * @param hops 0 to ignore the header; default 0
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder xHost(int hops) {
            xHost = checked("X-Forwarded-Host", hops);
            return this;
        }

        /**
         * Sets how many proxies append to {@code X-Forwarded-Port}.
         *
         * @param hops 0 to ignore the header; default 0
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder xPort(int hops) {
            xPort = checked("X-Forwarded-Port", hops);
            return this;
        }

        /**
         * Sets how many proxies append to {@code X-Forwarded-Prefix}.
         *
         * @param hops 0 to ignore the header; default 0
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder xPrefix(int hops) {
            xPrefix = checked("X-Forwarded-Prefix", hops);
            return this;
        }

        /**
         * Sets how many proxies append to the RFC 7239 {@code Forwarded} header; above zero it
         * replaces {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port}.
         *
         * @param hops 0 to ignore the header; default 0
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is negative
         */
        public Builder forwarded(int hops) {
            forwarded = checked("Forwarded", hops);
            return this;
        }

        /**
         * Sets the peers whose forwarded headers are believed, Gunicorn's {@code forwarded_allow_ips}
         * (named for what they are here: the proxies in front of the application). A request from
         * any other peer passes through unchanged. Entries are read now, never resolved by DNS:
         *
         * <ul>
         *   <li>an IPv4 or IPv6 address, {@code 10.0.0.5} or {@code fd00::5};</li>
         *   <li>a CIDR network, {@code 10.0.0.0/8} or {@code fd00::/8} ({@code 0.0.0.0/0} is every
         *       IPv4 peer, {@code ::/0} every IPv6 peer);</li>
         *   <li>{@code *}: every peer, Werkzeug's behaviour, for when only the proxies can reach the
         *       server (a private network, a firewall) and their addresses are not known in advance.</li>
         * </ul>
         *
         * <p>A peer that is an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.5}) matches the IPv4
         * entries; a peer that is missing or not an address literal matches only {@code *}.
         *
         * @param entries addresses, networks or {@code *}; default {@code 127.0.0.1} and {@code ::1}
         * @return this builder
         * @throws IllegalArgumentException if there are no entries, or one is empty, a host name or
         *     otherwise not an address, has a prefix length out of range, or has address bits set after
         *     its prefix (the message names it and shows the form expected)
         */
        public Builder trustedProxies(String... entries) {
            trustedProxies = TrustedProxies.of(List.of(entries));
            return this;
        }

        /**
         * Builds the middleware.
         *
         * @return the middleware with the trust counts and trusted proxies set so far
         */
        public ProxyFix build() {
            return new ProxyFix(this);
        }

        private static int checked(String header, int hops) {
            if (hops < 0) {
                throw new IllegalArgumentException("The trust count for " + header + " must be 0 (ignore the header)"
                        + " or the number of proxies that set it, got " + hops + ".");
            }
            return hops;
        }
    }
}
