package dev.carafe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the value of a signed session cookie:
 * {@code base64url(payload) "." base64url(timestamp) "." base64url(signature)}, all three without
 * padding. The timestamp is the signing time in whole seconds since the epoch as an unsigned
 * big-endian number without leading zero bytes; the signature is HMAC-SHA256 over the ASCII text
 * {@code payload "." timestamp} (the first two parts as sent), keyed with a key derived from the
 * secret and the salt: {@code HMAC-SHA256(key = secret, message = UTF-8 salt)}. The first key signs;
 * every key (the first, then the fallbacks in order) verifies. Comparisons take constant time.
 */
final class SessionSigner {

    /** How far in the future a signing time may lie, for clocks of several servers that differ a little. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The derived signing keys, the signing one first. */
    private final List<SecretKeySpec> keys;

    SessionSigner(List<byte[]> secrets, String salt) {
        List<SecretKeySpec> derived = new ArrayList<>();
        for (byte[] secret : secrets) {
            derived.add(new SecretKeySpec(hmac(new SecretKeySpec(secret, ALGORITHM),
                    salt.getBytes(StandardCharsets.UTF_8)), ALGORITHM));
        }
        this.keys = List.copyOf(derived);
    }

    /** What checking a cookie value found. */
    sealed interface Unsigned permits Valid, Invalid {
    }

    /** A value signed by one of the keys, recently enough: its payload. */
    record Valid(byte[] payload) implements Unsigned {
    }

    /** A value that is not to be trusted, and why (for the debug log). */
    record Invalid(String reason) implements Unsigned {
    }

    /** Signs a payload at a time. */
    String sign(byte[] payload, Instant now) {
        String signed = ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(timestamp(now.getEpochSecond()));
        return signed + "." + ENCODER.encodeToString(hmac(keys.get(0), signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Checks a value: its shape, its signature against every key, then its age against {@code maxAge}. */
    Unsigned unsign(String value, Instant now, Duration maxAge) {
        int second = value.lastIndexOf('.');
        int first = second < 0 ? -1 : value.lastIndexOf('.', second - 1);
        if (first < 0 || value.indexOf('.') != first) {
            return new Invalid("it is not three parts separated by dots (payload.timestamp.signature)");
        }
        byte[] signature;
        byte[] payload;
        long signedAt;
        try {
            signature = DECODER.decode(value.substring(second + 1));
            payload = DECODER.decode(value.substring(0, first));
            signedAt = seconds(DECODER.decode(value.substring(first + 1, second)));
        } catch (IllegalArgumentException e) {
            return new Invalid("a part is not base64url: " + e.getMessage());
        }
        byte[] signed = value.substring(0, second).getBytes(StandardCharsets.ISO_8859_1);
        boolean verified = false;
        for (SecretKeySpec key : keys) {
            verified |= MessageDigest.isEqual(hmac(key, signed), signature);
        }
        if (!verified) {
            return new Invalid("the signature does not match any key (tampered with, or signed with another key)");
        }
        long age = now.getEpochSecond() - signedAt;
        if (age > maxAge.getSeconds()) {
            return new Invalid("it was signed " + age + " seconds ago, longer than the maximum age of "
                    + maxAge.getSeconds() + " seconds");
        }
        if (-age > CLOCK_SKEW.getSeconds()) {
            return new Invalid("it was signed " + -age + " seconds in the future");
        }
        return new Valid(payload);
    }

    private static byte[] timestamp(long seconds) {
        int length = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(seconds) + 7) / 8);
        byte[] bytes = new byte[length];
        for (int i = length - 1, shift = 0; i >= 0; i--, shift += 8) {
            bytes[i] = (byte) (seconds >>> shift);
        }
        return bytes;
    }

    private static long seconds(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 7) {
            throw new IllegalArgumentException("the timestamp has " + bytes.length + " bytes, expected 1 to 7");
        }
        long seconds = 0;
        for (byte b : bytes) {
            seconds = seconds << 8 | (b & 0xFF);
        }
        return seconds;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot compute " + ALGORITHM + ", which every Java SE runtime "
                    + "must provide: " + e.getMessage(), e);
        }
    }
}
