package dev.carafe.gateway.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peers whose forwarded headers {@link ProxyFix} believes, as Gunicorn's
 * {@code forwarded_allow_ips}: addresses and CIDR networks, or {@code *} for every peer. A peer is
 * the {@code REMOTE_ADDR} the server set; an IPv4-mapped IPv6 peer ({@code ::ffff:10.0.0.5})
 * counts as its IPv4 address, a zone ({@code fe80::1%eth0}) is ignored, and a peer that is absent or
 * not an address literal is never trusted (except with {@code *}).
 */
final class TrustedProxies {

    /** The default: the loopback addresses, where nginx on the same host connects from. */
    static final TrustedProxies LOOPBACK = of(List.of("127.0.0.1", "::1"));

    private final boolean everyPeer;
    private final List<IpNetwork> networks;

    private TrustedProxies(boolean everyPeer, List<IpNetwork> networks) {
        this.everyPeer = everyPeer;
        this.networks = networks;
    }

    /**
     * Reads the entries; surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException when the list is empty or an entry is empty or not an
     *     address, network or {@code *}
     */
    static TrustedProxies of(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no trusted proxies given; " + IpNetwork.EXPECTED
                    + " (to ignore forwarded headers, leave ProxyFix out)");
        }
        boolean everyPeer = false;
        List<IpNetwork> networks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("an empty entry is not an IP address or CIDR network; "
                        + IpNetwork.EXPECTED);
            }
            if (entry.equals("*")) {
                everyPeer = true;
            } else {
                networks.add(IpNetwork.parse(entry));
            }
        }
        return new TrustedProxies(everyPeer, List.copyOf(networks));
    }

    /** Whether forwarded headers from this {@code REMOTE_ADDR} value are believed. */
    boolean trusts(Object remoteAddr) {
        if (everyPeer) {
            return true;
        }
        if (!(remoteAddr instanceof String text)) {
            return false;
        }
        int zone = text.indexOf(':') >= 0 ? text.indexOf('%') : -1;
        Optional<byte[]> peer = IpLiteral.parse(zone < 0 ? text : text.substring(0, zone)).map(IpLiteral::unmapped);
        return peer.isPresent() && networks.stream().anyMatch(network -> network.contains(peer.get()));
    }
}
