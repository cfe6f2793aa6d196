package dev.carafe;

import dev.carafe.gateway.Environ;
import dev.carafe.gateway.middleware.ProxyFix;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a request comes from this machine, for the debug page: {@code REMOTE_ADDR} is a loopback
 * address ({@code 127.0.0.0/8}, {@code ::1}, {@code ::ffff:127.x.x.x}) and was not left at a local
 * proxy's address. A request carrying {@code X-Forwarded-For}, {@code Forwarded} or
 * {@code X-Real-IP} went through a proxy, so its {@code REMOTE_ADDR} is the proxy's unless
 * {@link ProxyFix} replaced it with the client's: such a request is local only when ProxyFix ran
 * and changed {@code REMOTE_ADDR} to a loopback address. The forwarding headers themselves are
 * never believed.
 */
final class LocalClient {

    private static final List<String> FORWARDING = List.of("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP");

    private LocalClient() {
    }

    /**
     * @param environ the request's environ
     * @return whether the client is on this machine
     */
    static boolean is(Map<String, Object> environ) {
        Object address = environ.get(Environ.REMOTE_ADDR);
        if (!(address instanceof String remote) || !loopback(remote)) {
            return false;
        }
        if (FORWARDING.stream().noneMatch(environ::containsKey)) {
            return true;
        }
        return environ.get(ProxyFix.ORIGINAL) instanceof Map<?, ?> original
                && !Objects.equals(original.get(Environ.REMOTE_ADDR), remote);
    }

    /** Whether an address literal is a loopback address; names are never resolved. */
    static boolean loopback(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (a.startsWith("::ffff:")) {
            a = a.substring("::ffff:".length());
        }
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
