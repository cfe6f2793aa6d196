package dev.carafe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test helpers for signed session cookies: an independent implementation of the format documented
 * in docs/sessions.md (so that the tests check the documented format, not the code against
 * itself), fixed clocks, and a log capture.
 */
final class SignedCookies {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SignedCookies() {
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decoded(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    /** The signed cookie value of a JSON payload, as docs/sessions.md describes it. */
    static String sign(String secret, String salt, String json, Instant signedAt) {
        byte[] seconds = ByteBuffer.allocate(8).putLong(signedAt.getEpochSecond()).array();
        int first = 0;
        while (first < 7 && seconds[first] == 0) {
            first++;
        }
        String signed = b64(json) + "." + b64(Arrays.copyOfRange(seconds, first, 8));
        byte[] derived = hmac(secret.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8));
        return signed + "." + b64(hmac(derived, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sign(String secret, String json, Instant signedAt) {
        return sign(secret, "carafe.session", json, signedAt);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Collects the records of one logger, down to a level, while it is open. */
    static final class LogCapture implements AutoCloseable {

        final List<LogRecord> records = new ArrayList<>();
        private final Logger logger;
        private final Level previous;
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        LogCapture(String name, Level level) {
            logger = Logger.getLogger(name);
            previous = logger.getLevel();
            logger.setLevel(level);
            handler.setLevel(level);
            logger.addHandler(handler);
        }

        List<String> messages() {
            return records.stream().map(LogRecord::getMessage).toList();
        }

        @Override
        public void close() {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
    }
}
