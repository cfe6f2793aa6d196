package dev.carafe.gateway.middleware;

import java.util.Optional;

/**
 * IPv4 and IPv6 address literals read and written as text, never resolved: unlike
 * {@code InetAddress.getByName}, a string that is not a literal gives nothing instead of a DNS
 * lookup. IPv4 is the dotted quad only ({@code 10.0.0.5}; no leading zeros, which some readers take
 * for octal); IPv6 is RFC 4291 text ({@code fd00::1}, {@code 0:0:0:0:0:0:0:1},
 * {@code ::ffff:10.0.0.5}) without brackets or a zone.
 */
final class IpLiteral {

    private static final int IPV6_GROUPS = 8;

    private IpLiteral() {
    }

    /** The address's 4 (IPv4) or 16 (IPv6) bytes, if {@code text} is a literal. */
    static Optional<byte[]> parse(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /**
     * The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.5} gives
     * {@code 10.0.0.5}); any other address as it is.
     */
    static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    /** The address as text: a dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as {@code ::}). */
    static String format(byte[] address) {
        StringBuilder text = new StringBuilder();
        if (address.length == 4) {
            for (byte b : address) {
                text.append(text.length() == 0 ? "" : ".").append(b & 0xFF);
            }
            return text.toString();
        }
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xFF) << 8 | address[2 * i + 1] & 0xFF;
        }
        int runStart = -1;
        int runLength = 1;   // RFC 5952: a single zero group is not shortened
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int j = i;
            while (j < IPV6_GROUPS && groups[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = Math.max(i, j);
        }
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static Optional<byte[]> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            boolean digits = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            address[i] = (byte) Integer.parseInt(part);
        }
        return Optional.of(address);
    }

    private static Optional<byte[]> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        Optional<int[]> front = groups(head, gap < 0);
        Optional<int[]> back = groups(tail, true);
        if (front.isEmpty() || back.isEmpty()) {
            return Optional.empty();
        }
        int count = front.get().length + back.get().length;
        if (gap < 0 ? count != IPV6_GROUPS : count >= IPV6_GROUPS) {
            return Optional.empty();
        }
        int[] all = new int[IPV6_GROUPS];
        System.arraycopy(front.get(), 0, all, 0, front.get().length);
        System.arraycopy(back.get(), 0, all, IPV6_GROUPS - back.get().length, back.get().length);
        byte[] address = new byte[16];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            address[2 * i] = (byte) (all[i] >> 8);
            address[2 * i + 1] = (byte) all[i];
        }
        return Optional.of(address);
    }

    /** The 16-bit groups of one side of {@code ::}; the last side may end in a dotted quad (two groups). */
    private static Optional<int[]> groups(String side, boolean last) {
        if (side.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] pieces = side.split(":", -1);
        boolean quad = last && pieces[pieces.length - 1].indexOf('.') >= 0;
        int[] groups = new int[pieces.length + (quad ? 1 : 0)];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (quad && i == pieces.length - 1) {
                Optional<byte[]> v4 = ipv4(piece);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                groups[i] = (v4.get()[0] & 0xFF) << 8 | v4.get()[1] & 0xFF;
                groups[i + 1] = (v4.get()[2] & 0xFF) << 8 | v4.get()[3] & 0xFF;
                continue;
            }
            boolean hex = piece.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0);
            if (piece.isEmpty() || piece.length() > 4 || !hex) {
                return Optional.empty();
            }
            groups[i] = Integer.parseInt(piece, 16);
        }
        return Optional.of(groups);
    }
}
