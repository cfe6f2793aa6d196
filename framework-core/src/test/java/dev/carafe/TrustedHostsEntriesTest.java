package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The entries app.trustedHosts and TRUSTED_HOSTS accept, and the messages of the others. */
class TrustedHostsEntriesTest {

    private static String refused(String... hosts) {
        App app = new App();
        return assertThrows(IllegalArgumentException.class, () -> app.trustedHosts(hosts)).getMessage();
    }

    @Test
    void anEmptyEntryIsRefused() {
        assertEquals("A trusted host is empty; give a host name such as \"example.com\", or \".example.com\" for the "
                + "domain and all its subdomains.", refused("example.com", ""));
        assertEquals("A trusted host is empty; give a host name such as \"example.com\", or \".example.com\" for the "
                + "domain and all its subdomains.", refused("  "));
    }

    @Test
    void noEntryAtAllIsRefusedRatherThanRefusingEveryRequest() {
        assertEquals("No trusted host is given, so every request would be refused; give a host name such as "
                + "\"example.com\", or \".example.com\" for the domain and all its subdomains, or leave TRUSTED_HOSTS "
                + "unset to accept every host.", refused());
    }

    @Test
    void anEntryWithASchemeIsRefusedNamingTheHostToGive() {
        assertEquals("The trusted host 'https://example.com/' has a scheme; give the host alone, such as "
                + "\"example.com\".", refused("https://example.com/"));
    }

    @Test
    void anEntryWithAPathIsRefusedNamingTheHostToGive() {
        assertEquals("The trusted host 'example.com/app' has a path; give the host alone, such as \"example.com\".",
                refused("example.com/app"));
    }

    @Test
    void anEntryWithASpaceIsRefused() {
        assertEquals("The trusted host ' example.com' contains a space; give a host name such as \"example.com\", or "
                + "\".example.com\" for the domain and all its subdomains.", refused(" example.com"));
    }

    @Test
    void aWildcardIsRefusedNamingTheLeadingDotForm() {
        assertEquals("The trusted host '*.example.com' is a wildcard; write \".example.com\" for a domain and all its "
                + "subdomains, or leave TRUSTED_HOSTS unset to accept every host.", refused("*.example.com"));
        assertEquals("The trusted host '*' is a wildcard; write \".example.com\" for a domain and all its "
                + "subdomains, or leave TRUSTED_HOSTS unset to accept every host.", refused("*"));
    }

    @Test
    void aCharacterOutsideHostNamesIsRefused() {
        assertEquals("The trusted host 'exämple.com' contains 'ä', which is not part of a host name; give a host name "
                + "such as \"example.com\", or \".example.com\" for the domain and all its subdomains (an "
                + "international name in its ASCII form, \"xn--...\").", refused("exämple.com"));
    }

    @Test
    void aMalformedNameOrPortIsRefused() {
        String expected = "; give a host name such as \"example.com\", or \".example.com\" for the domain and all its "
                + "subdomains (a port is allowed and ignored, an IPv6 address is written in brackets: \"[::1]\").";
        assertEquals("The trusted host '.' is not a host name" + expected, refused("."));
        assertEquals("The trusted host 'example.com:https' is not a host name" + expected, refused("example.com:https"));
        assertEquals("The trusted host '::1' is not a host name" + expected, refused("::1"));
    }

    @Test
    void aRefusedEntryLeavesTheAppUnchanged() {
        App app = new App();
        assertThrows(IllegalArgumentException.class, () -> app.trustedHosts("example.com", "https://x"));
        assertEquals(false, app.config().contains("TRUSTED_HOSTS"));
    }

    @Test
    void aBadConfigValueFailsWhenTheAppFreezesNamingTheKeyAndItsSource() {
        App app = new App();
        app.config().put("TRUSTED_HOSTS", List.of("example.com", "https://example.com"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> app.testClient().get("/"));

        assertEquals("Config key 'TRUSTED_HOSTS' (from Config.put) is not usable: The trusted host "
                + "'https://example.com' has a scheme; give the host alone, such as \"example.com\".",
                error.getMessage());
    }

    @Test
    void theMethodStoresTheEntriesAsGivenInTheConfig() {
        App app = new App().trustedHosts("Example.com", ".example.org:443");
        assertEquals(List.of("Example.com", ".example.org:443"), app.config().strings("TRUSTED_HOSTS"));
    }
}
