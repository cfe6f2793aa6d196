package dev.carafe.gateway.middleware;

import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of {@link ProxyFix}'s trusted proxies: an address ({@code 10.0.0.5}, {@code ::1}) or a
 * CIDR network ({@code 10.0.0.0/8}, {@code fd00::/8}), read without DNS. An IPv4-mapped IPv6 entry
 * ({@code ::ffff:10.0.0.5}, or a network of prefix 96 or more) is the IPv4 one it maps, because
 * {@link TrustedProxies} compares mapped peers as IPv4 too.
 */
final class IpNetwork {

    static final String EXPECTED = "give addresses like 10.0.0.5 or networks like 10.0.0.0/8, or * for every peer";

    private static final int MAPPED_PREFIX = 96;

    private final byte[] address;
    private final int prefix;

    private IpNetwork(byte[] address, int prefix) {
        this.address = address;
        this.prefix = prefix;
    }

    /**
     * Reads an entry.
     *
     * @throws IllegalArgumentException naming the entry when it is not an address or network, its
     *     prefix length is out of range, or it has address bits set after the prefix
     */
    static IpNetwork parse(String entry) {
        int slash = entry.indexOf('/');
        String text = slash < 0 ? entry : entry.substring(0, slash);
        byte[] parsed = IpLiteral.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "\"" + entry + "\" is not an IP address or CIDR network; " + EXPECTED));
        int bits = parsed.length * 8;
        int length = slash < 0 ? bits : prefixLength(entry, entry.substring(slash + 1), bits);
        byte[] first = new IpNetwork(parsed, length).masked(parsed);
        if (!Arrays.equals(first, parsed)) {
            String start = IpLiteral.format(first) + "/" + length;
            String one = IpLiteral.format(parsed) + "/" + bits;
            throw new IllegalArgumentException("\"" + entry + "\" has address bits set after its /" + length
                    + " prefix; give the network's first address, " + start + ", or " + one + " for the one address");
        }
        byte[] unmapped = IpLiteral.unmapped(parsed);
        if (unmapped.length == 4 && length >= MAPPED_PREFIX) {
            return new IpNetwork(unmapped, length - MAPPED_PREFIX);
        }
        return new IpNetwork(parsed, length);
    }

    /** Whether the network holds {@code peer}, an address of 4 or 16 bytes (IPv4 never matches IPv6). */
    boolean contains(byte[] peer) {
        return peer.length == address.length && Arrays.equals(masked(peer), address);
    }

    private byte[] masked(byte[] peer) {
        byte[] masked = peer.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) (0xFF00 >> keep);
        }
        return masked;
    }

    private static int prefixLength(String entry, String text, int bits) {
        Optional<Integer> length = Optional.of(text)
                .filter(t -> !t.isEmpty() && t.length() <= 3 && t.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(Integer::parseInt).filter(n -> n <= bits);
        return length.orElseThrow(() -> new IllegalArgumentException("\"" + entry + "\" has a bad prefix length; "
                + (bits == 32 ? "an IPv4 network takes /0 to /32, like 10.0.0.0/8"
                        : "an IPv6 network takes /0 to /128, like fd00::/8")));
    }
}
