package dev.carafe.flaskr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Password hashes in Werkzeug's format ({@code generate_password_hash} and
 * {@code check_password_hash}), so that a flaskr database moves between Flask and Carafe unchanged:
 * {@code METHOD$SALT$HEX}, where the salt is text and the hash is hex of the key derived from the
 * UTF-8 password and the salt's bytes.
 *
 * <pre>{@code
 * String stored = Passwords.hash("s3cret");     // pbkdf2:sha256:1000000$Xy3...$9f2c...
 * Passwords.check(stored, "s3cret");            // true
 * }</pre>
 *
 * <p>{@link #check} reads both methods Werkzeug writes: {@code pbkdf2:<hash>:<iterations>} (flaskr's
 * test users are {@code pbkdf2:sha256:50000}) and {@code scrypt:<N>:<r>:<p>} (Werkzeug's default, so
 * users who registered under Flask can still log in). {@link #hash} writes
 * {@code pbkdf2:sha256:1000000} with a 16-character salt: Werkzeug 3.1's default for pbkdf2, which
 * Flask verifies, built on the JDK's HMAC alone.
 */
public final class Passwords {

    /** Iterations of new hashes: Werkzeug 3.1's default for pbkdf2. */
    public static final int PBKDF2_ITERATIONS = 1_000_000;

    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int SALT_LENGTH = 16;
    private static final Map<String, String> PBKDF2_MACS = Map.of(
            "sha1", "HmacSHA1", "sha224", "HmacSHA224", "sha256", "HmacSHA256", "sha384", "HmacSHA384",
            "sha512", "HmacSHA512");
    private static final String FORMATS = "expected Werkzeug's pbkdf2:<hash>:<iterations> (hash one of sha1, sha224,"
            + " sha256, sha384, sha512) or scrypt:<N>:<r>:<p>";

    private Passwords() {
    }

    /**
     * Hashes a password for storage: {@code pbkdf2:sha256:1000000$<salt>$<hex>}.
     *
     * @param password the password
     * @return the hash, 104 characters
     */
    public static String hash(String password) {
        String method = "pbkdf2:sha256:" + PBKDF2_ITERATIONS;
        String salt = salt();
        return method + "$" + salt + "$" + derive(method, salt, password);
    }

    /** A new random salt: 16 letters and digits, as Werkzeug's {@code gen_salt(16)}. */
    static String salt() {
        SecureRandom random = new SecureRandom();
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        return salt.toString();
    }

    /**
     * Tells whether a password matches a stored hash, comparing in constant time. Like Werkzeug, a
     * value that is not {@code METHOD$SALT$HASH} matches no password.
     *
     * @param storedHash a hash from {@link #hash} or from Werkzeug's {@code generate_password_hash}
     * @param password the password to check
     * @return true when it matches
     * @throws IllegalArgumentException when the hash names a method or parameters this class cannot
     *     compute, saying which
     */
    public static boolean check(String storedHash, String password) {
        String[] parts = storedHash.split("\\$", 3);
        if (parts.length < 3) {
            return false;
        }
        byte[] expected = parts[2].getBytes(StandardCharsets.UTF_8);
        byte[] actual = derive(parts[0], parts[1], password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The hex of the key a method derives, as Werkzeug's {@code _hash_internal} computes it. */
    private static String derive(String method, String salt, String password) {
        String[] args = method.split(":", -1);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        if (args[0].equals("pbkdf2") && args.length <= 3) {
            String hashName = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "sha256";
            String mac = PBKDF2_MACS.get(hashName);
            int iterations = args.length > 2 ? number(method, args[2]) : PBKDF2_ITERATIONS;
            if (mac == null || iterations < 1) {
                throw unsupported(method);
            }
            try {
                int length = javax.crypto.Mac.getInstance(mac).getMacLength();
                return HexFormat.of().formatHex(Pbkdf2.derive(mac, secret, saltBytes, iterations, length));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("This JDK has no " + mac + ", which every Java platform provides", e);
            }
        }
        if (args[0].equals("scrypt") && (args.length == 1 || args.length == 4)) {
            int n = args.length == 4 ? number(method, args[1]) : 1 << 15;
            int r = args.length == 4 ? number(method, args[2]) : 8;
            int p = args.length == 4 ? number(method, args[3]) : 1;
            try {
                return HexFormat.of().formatHex(Scrypt.derive(secret, saltBytes, n, r, p, 64));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The stored password hash method '" + method + "' is not usable: "
                        + e.getMessage(), e);
            }
        }
        throw unsupported(method);
    }

    private static int number(String method, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw unsupported(method);
        }
    }

    private static IllegalArgumentException unsupported(String method) {
        return new IllegalArgumentException("The stored password hash has the method '" + method
                + "', which Passwords cannot compute; " + FORMATS + ".");
    }
}
