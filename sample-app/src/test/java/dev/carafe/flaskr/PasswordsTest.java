package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** flaskr's tests/data.sql users: hashes Werkzeug made, for the passwords "test" and "other". */
    static final String TEST_HASH = "pbkdf2:sha256:50000$TCI4GzcX$"
            + "0de171a4f4dac32e3364c7ddc7c14f3e2fa61f2d17574483f7ffbb431b4acb2f";
    static final String OTHER_HASH = "pbkdf2:sha256:50000$kJPKsz6N$"
            + "d2d4784f1b030a9761f5ccaeeaca413f27f2ecb76d6168407af962ddce849f79";

    @Test
    void flaskrsFixtureHashesMatchTheirPasswordsOnly() {
        assertTrue(Passwords.check(TEST_HASH, "test"));
        assertTrue(Passwords.check(OTHER_HASH, "other"));
        assertFalse(Passwords.check(TEST_HASH, "other"));
        assertFalse(Passwords.check(OTHER_HASH, "a"));
        assertFalse(Passwords.check(TEST_HASH, ""));
    }

    @Test
    void newHashesUseWerkzeugsPbkdf2FormatWithAMillionIterationsAndARandomSalt() {
        String hash = Passwords.hash("zoë");
        assertTrue(hash.matches("pbkdf2:sha256:1000000\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}"), hash);
        assertTrue(Passwords.check(hash, "zoë"));
        assertFalse(Passwords.check(hash, "zoe"));
        assertNotEquals(Passwords.salt(), Passwords.salt(), "each hash has its own salt");
    }

    @Test
    void werkzeugsDefaultScryptHashesAreVerified() {
        // hashlib.scrypt("zoë".encode(), salt=b"Qm9hdHNBbmRMb2dz", n=32768, r=8, p=1).hex(), Werkzeug's layout
        String hash = "scrypt:32768:8:1$Qm9hdHNBbmRMb2dz$1be05c3080bce1fb6bcbff254a5efe19726643392f0cf22e75a2a695c7c"
                + "3567b7028f570dab70f3c60fd5006ee1aeef1ba6fa3e9c2c1291aa2745ec0a43e5137";
        assertTrue(Passwords.check(hash, "zoë"));
        assertFalse(Passwords.check(hash, "zoe"));
    }

    @Test
    void otherPbkdf2HashesAndAnEmptyPasswordAreVerified() {
        String hash = "pbkdf2:sha512:1000$abc$23be292fa578af6e32526160945b2efbbbc867bde2ecac6b2a1ee0d5adcb37882b2bda6ec"
                + "9ae82a7bf872d960c786f73531d9179799452adad8af1525bec5c60";
        assertTrue(Passwords.check(hash, ""));
        assertFalse(Passwords.check(hash, " "));
    }

    @Test
    void aValueThatIsNotAHashMatchesNothingAsInWerkzeug() {
        assertFalse(Passwords.check("test", "test"));
        assertFalse(Passwords.check("pbkdf2:sha256:50000$TCI4GzcX", "test"));
    }

    @Test
    void anUppercaseHexDigestDoesNotMatchBecauseWerkzeugComparesTheTextExactly() {
        String upper = TEST_HASH.substring(0, TEST_HASH.lastIndexOf('$') + 1)
                + TEST_HASH.substring(TEST_HASH.lastIndexOf('$') + 1).toUpperCase(Locale.ROOT);
        assertFalse(Passwords.check(upper, "test"));
    }

    @Test
    void anUnknownMethodIsRefusedNamingItAndTheFormats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Passwords.check("md5$salt$abc", "test"));
        assertEquals("The stored password hash has the method 'md5', which Passwords cannot compute; expected"
                + " Werkzeug's pbkdf2:<hash>:<iterations> (hash one of sha1, sha224, sha256, sha384, sha512) or"
                + " scrypt:<N>:<r>:<p>.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Passwords.check("pbkdf2:md5:10$s$ab", "x"));
        assertThrows(IllegalArgumentException.class, () -> Passwords.check("pbkdf2:sha256:many$s$ab", "x"));
        assertThrows(IllegalArgumentException.class, () -> Passwords.check("scrypt:16:1$s$ab", "x"));
    }

    @Test
    void scryptParametersThatWouldExhaustMemoryAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Passwords.check("scrypt:1048576:8:1$s$ab", "x"));
        assertEquals("The stored password hash method 'scrypt:1048576:8:1' is not usable: scrypt with N=1048576 and"
                + " r=8 needs 1073741824 bytes of memory, more than the 268435456 this application allows",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Passwords.check("scrypt:1000:8:1$s$ab", "x"));
    }

    @Test
    void scryptMatchesRfc7914sTestVectors() {
        assertEquals("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f1"
                + "7e8d3e0fb2e0d3628cf35e20c38d18906", hex(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64)));
        assertEquals("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830da"
                + "c727afb94a83ee6d8360cbdfa2cc0640",
                hex(Scrypt.derive(bytes("password"), bytes("NaCl"), 1024, 8, 16, 64)));
    }

    @Test
    void pbkdf2MatchesRfc7914sSha256TestVector() throws Exception {
        assertArrayEquals(HexFormat.of().parseHex("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
                Pbkdf2.derive("HmacSHA256", bytes("password"), bytes("salt"), 1, 32));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
