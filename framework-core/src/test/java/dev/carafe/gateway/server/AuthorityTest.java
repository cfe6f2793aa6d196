package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorityTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "example.com:", "127.0.0.1:80", "[::1]",
        "[::1]:8000", "[2001:db8::7]", "[::ffff:192.0.2.1]", "[v1.fe:x]", "a%2Db.example", "x_y", "x:0",
        "x:65535", "EXAMPLE.com"})
    void aHostAndPortAsRfc3986DefinesThemIsAccepted(String value) {
        assertDoesNotThrow(() -> Authority.check(value, "The Host field"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x:abc        | the port must be decimal digits from 0 to 65535",
        "x:99999999   | the port must be decimal digits from 0 to 65535",
        "x:65536      | the port must be decimal digits from 0 to 65535",
        "x:80:80      | the port must be decimal digits from 0 to 65535",
        "[::1         | an IP literal opened with [ must be closed with ]",
        "[]           | the brackets hold no address",
        "[::g]        | an IP literal holds hexadecimal digits, colons and dots only",
        "[::1]x       | the host ends at an unexpected character",
        ":80          | the host is empty",
        "a%2          | a % in the host must start a percent-encoded octet such as %2D",
        "a%zz         | a % in the host must start a percent-encoded octet such as %2D",
        "a/b          | the host has a character that a host name cannot have",
        "a]b          | the host has a character that a host name cannot have",
        "a@b          | the host has a character that a host name cannot have"})
    void anythingElseIsABadRequestThatSaysWhatIsWrong(String value, String reason) {
        HttpError error = assertThrows(HttpError.class, () -> Authority.check(value, "The Host field"));
        assertEquals(400, error.status());
        assertTrue(error.getMessage().startsWith("The Host field is not a valid host and port: " + reason
                + " (expected a name, an IPv4 address or a bracketed IPv6 address"), error.getMessage());
    }
}
