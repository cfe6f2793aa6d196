package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HeaderTest {

    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade");

    @Test
    void everyHopByHopFieldIsKnownInAnyCase() {
        for (String name : HOP_BY_HOP) {
            assertTrue(new Header(name, "x").isHopByHop(), name);
            assertTrue(new Header(name.toLowerCase(Locale.ROOT), "x").isHopByHop(), name);
            assertTrue(new Header(name.toUpperCase(Locale.ROOT), "x").isHopByHop(), name);
        }
    }

    @Test
    void endToEndFieldsOfTheSameLengthsAreNot() {
        for (String name : List.of("X-Trace", "Set-Cookie", "Content-Location", "X-Transfer-Encode",
                "Content-Disposition", "Content-Language", "Vary", "Content-Length", "Upgrade-Insecure")) {
            assertFalse(new Header(name, "x").isHopByHop(), name);
        }
        assertFalse(new Header("Content-Type", "x").isHopByHop());
        assertFalse(new Header("", "x").isHopByHop());
    }
}
