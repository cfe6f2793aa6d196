package dev.carafe.gateway.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.testing.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which peers' forwarded headers ProxyFix believes: {@code trustedProxies} and its loopback default. */
class ProxyFixTrustTest {

    private static final Application APP = (environ, startResponse) -> {
        startResponse.start("204 No Content", List.of());
        return List.of();
    };

    /** The environ the application saw for a request from {@code peer} that says it is 203.0.113.9 over https. */
    private static Map<String, Object> seen(ProxyFix fix, String peer) {
        return TestClient.of(fix.wrap(APP)).request("GET", "/").remoteAddr(peer)
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https").send().environ();
    }

    private static boolean trusts(ProxyFix fix, String peer) {
        return "203.0.113.9".equals(seen(fix, peer).get(Environ.REMOTE_ADDR));
    }

    private static ProxyFix trusting(String... entries) {
        return ProxyFix.builder().trustedProxies(entries).build();
    }

    private static String refusal(String... entries) {
        return assertThrows(IllegalArgumentException.class, () -> ProxyFix.builder().trustedProxies(entries))
                .getMessage();
    }

    @Test
    void byDefaultTheHeadersOfALoopbackPeerApply() {
        Map<String, Object> environ = seen(ProxyFix.builder().build(), "127.0.0.1");
        assertEquals("203.0.113.9", environ.get(Environ.REMOTE_ADDR));
        assertEquals("https", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertEquals("127.0.0.1", ((Map<?, ?>) environ.get(ProxyFix.ORIGINAL)).get(Environ.REMOTE_ADDR));
        for (String loopback : List.of("::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1")) {
            assertTrue(trusts(ProxyFix.builder().build(), loopback), loopback);
        }
    }

    @Test
    void byDefaultAPeerThatIsNotLoopbackPassesThroughUnchanged() {
        Map<String, Object> environ = seen(ProxyFix.builder().build(), "198.51.100.4");
        assertEquals("198.51.100.4", environ.get(Environ.REMOTE_ADDR));
        assertEquals("http", environ.get(Environ.GATEWAY_URL_SCHEME));
        assertFalse(environ.containsKey(Environ.HTTPS));
        assertFalse(environ.containsKey(ProxyFix.ORIGINAL), "an untrusted request is not marked as fixed");
        assertFalse(trusts(ProxyFix.builder().build(), "127.0.0.2"), "only 127.0.0.1, as Gunicorn");
        assertFalse(trusts(ProxyFix.builder().build(), "::2"));
    }

    @Test
    void aNamedProxyReplacesTheLoopbackDefault() {
        ProxyFix fix = trusting("10.0.0.5", "2001:db8::7");
        assertTrue(trusts(fix, "10.0.0.5"));
        assertTrue(trusts(fix, "2001:0db8:0:0:0:0:0:7"));
        assertFalse(trusts(fix, "10.0.0.6"));
        assertFalse(trusts(fix, "127.0.0.1"), "the default is replaced, not extended");
    }

    @Test
    void anIpv4NetworkHoldsExactlyTheAddressesOfItsPrefix() {
        ProxyFix slash24 = trusting("192.0.2.0/24");
        assertTrue(trusts(slash24, "192.0.2.0"));
        assertTrue(trusts(slash24, "192.0.2.255"));
        assertFalse(trusts(slash24, "192.0.1.255"));
        assertFalse(trusts(slash24, "192.0.3.0"));
        ProxyFix slash32 = trusting("192.0.2.7/32");
        assertTrue(trusts(slash32, "192.0.2.7"));
        assertFalse(trusts(slash32, "192.0.2.6"));
        assertFalse(trusts(slash32, "192.0.2.8"));
        ProxyFix slash0 = trusting("0.0.0.0/0");
        assertTrue(trusts(slash0, "0.0.0.0"));
        assertTrue(trusts(slash0, "255.255.255.255"));
        assertFalse(trusts(slash0, "::1"), "every IPv4 peer, no IPv6 one");
        ProxyFix odd = trusting("10.0.0.0/9");
        assertTrue(trusts(odd, "10.127.255.255"));
        assertFalse(trusts(odd, "10.128.0.0"));
    }

    @Test
    void anIpv6NetworkHoldsExactlyTheAddressesOfItsPrefix() {
        ProxyFix ula = trusting("fd00::/8");
        assertTrue(trusts(ula, "fd00::"));
        assertTrue(trusts(ula, "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(trusts(ula, "fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(trusts(ula, "fe00::"));
        ProxyFix slash128 = trusting("2001:db8::1/128");
        assertTrue(trusts(slash128, "2001:db8::1"));
        assertFalse(trusts(slash128, "2001:db8::"));
        assertFalse(trusts(slash128, "2001:db8::2"));
        ProxyFix slash0 = trusting("::/0");
        assertTrue(trusts(slash0, "::"));
        assertTrue(trusts(slash0, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(trusts(slash0, "10.0.0.1"), "every IPv6 peer, no IPv4 one");
        assertTrue(trusts(trusting("FE80::/10"), "fe80::1%eth0"), "the peer's zone is not part of its address");
    }

    @Test
    void anIpv4MappedPeerMatchesTheIpv4EntriesAndAMappedEntryTheIpv4Peer() {
        assertTrue(trusts(trusting("10.0.0.0/8"), "::ffff:10.0.0.5"));
        assertTrue(trusts(trusting("10.0.0.0/8"), "0:0:0:0:0:ffff:a00:5"));
        assertFalse(trusts(trusting("10.0.0.0/8"), "::ffff:11.0.0.5"));
        assertTrue(trusts(trusting("::ffff:10.0.0.5"), "10.0.0.5"));
        assertTrue(trusts(trusting("::ffff:10.0.0.0/104"), "10.200.0.1"));
    }

    @Test
    void aStarTrustsEveryPeerAsWerkzeugDoes() {
        assertTrue(trusts(trusting("*"), "198.51.100.4"));
        assertTrue(trusts(trusting("*"), "2001:db8::1"));
        assertTrue(trusts(trusting("10.0.0.1", " * "), "not-an-address"));
    }

    @Test
    void aPeerThatIsAbsentOrNotAnAddressIsNotTrusted() throws Exception {
        ProxyFix everyNetwork = trusting("0.0.0.0/0", "::/0");
        for (String peer : List.of("localhost", "", "[::1]", "010.0.0.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1::2::3",
                "1:2:3:4:5:6:7:8:9", "12345::", "::g", "1:2:3:4:5:6:7::8", "10.0.0.1%1")) {
            assertFalse(trusts(everyNetwork, peer), peer);
        }
        Map<String, Object> environ = Exchange.environ("GET", "/", "X-Forwarded-For", "203.0.113.9");
        environ.remove(Environ.REMOTE_ADDR);
        Map<String, Object> captured = new HashMap<>();
        Exchange.run(everyNetwork.wrap((env, startResponse) -> {
            captured.putAll(env);
            return APP.call(env, startResponse);
        }), environ);
        assertFalse(captured.containsKey(Environ.REMOTE_ADDR));
        assertFalse(captured.containsKey(ProxyFix.ORIGINAL));
    }

    @Test
    void aHostNameIsRefusedWithoutLookingItUp() {
        assertEquals("\"proxy.local\" is not an IP address or CIDR network; give addresses like 10.0.0.5 or networks"
                + " like 10.0.0.0/8, or * for every peer", refusal("10.0.0.1", "proxy.local"));
        assertEquals("\"localhost\" is not an IP address or CIDR network; give addresses like 10.0.0.5 or networks"
                + " like 10.0.0.0/8, or * for every peer", refusal("localhost"));
        for (String notAnAddress : List.of("[::1]", "fe80::1%eth0", "10.0.0", "010.0.0.1", "1::2::3",
                "host/8")) {
            assertTrue(refusal(notAnAddress).startsWith("\"" + notAnAddress + "\" is not an IP address or CIDR"
                    + " network; "), notAnAddress);
        }
    }

    @Test
    void aBadPrefixLengthIsRefused() {
        assertEquals("\"10.0.0.0/33\" has a bad prefix length; an IPv4 network takes /0 to /32, like 10.0.0.0/8",
                refusal("10.0.0.0/33"));
        assertEquals("\"fd00::/129\" has a bad prefix length; an IPv6 network takes /0 to /128, like fd00::/8",
                refusal("fd00::/129"));
        assertEquals("\"10.0.0.0/\" has a bad prefix length; an IPv4 network takes /0 to /32, like 10.0.0.0/8",
                refusal("10.0.0.0/"));
        assertEquals("\"10.0.0.0/-8\" has a bad prefix length; an IPv4 network takes /0 to /32, like 10.0.0.0/8",
                refusal("10.0.0.0/-8"));
        assertEquals("\"10.0.0.0/eight\" has a bad prefix length; an IPv4 network takes /0 to /32, like 10.0.0.0/8",
                refusal("10.0.0.0/eight"));
    }

    @Test
    void aNetworkWithAddressBitsAfterItsPrefixIsRefused() {
        assertEquals("\"10.0.0.5/8\" has address bits set after its /8 prefix; give the network's first address,"
                + " 10.0.0.0/8, or 10.0.0.5/32 for the one address", refusal("10.0.0.5/8"));
        assertEquals("\"fd00::1/8\" has address bits set after its /8 prefix; give the network's first address,"
                + " fd00::/8, or fd00::1/128 for the one address", refusal("fd00::1/8"));
        assertEquals("\"2001:db8:0:0:1:0:0:1/64\" has address bits set after its /64 prefix; give the network's"
                + " first address, 2001:db8::/64, or 2001:db8::1:0:0:1/128 for the one address",
                refusal("2001:db8:0:0:1:0:0:1/64"));
    }

    @Test
    void anEmptyListOrAnEmptyEntryIsRefused() {
        assertEquals("no trusted proxies given; give addresses like 10.0.0.5 or networks like 10.0.0.0/8, or * for"
                + " every peer (to ignore forwarded headers, leave ProxyFix out)", refusal());
        assertEquals("an empty entry is not an IP address or CIDR network; give addresses like 10.0.0.5 or networks"
                + " like 10.0.0.0/8, or * for every peer", refusal("10.0.0.1", " "));
    }
}
