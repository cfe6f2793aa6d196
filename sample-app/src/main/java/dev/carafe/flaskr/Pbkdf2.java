package dev.carafe.flaskr;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over an HMAC: what Python's {@code hashlib.pbkdf2_hmac} computes. Written
 * over {@link Mac} rather than {@code SecretKeyFactory} because the JDK's factory takes the
 * password as {@code char[]} and refuses an empty one, while Werkzeug hashes bytes, empty included.
 */
final class Pbkdf2 {

    private Pbkdf2() {
    }

    /**
     * Derives a key.
     *
     * @param macAlgorithm a JCA MAC name such as {@code HmacSHA256}
     * @param password the password bytes (UTF-8, as Werkzeug encodes them)
     * @param salt the salt bytes
     * @param iterations at least 1
     * @param length the key length in bytes
     * @return the derived key
     * @throws NoSuchAlgorithmException when the JDK has no such MAC
     */
    static byte[] derive(String macAlgorithm, byte[] password, byte[] salt, int iterations, int length)
            throws NoSuchAlgorithmException {
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1 iteration and 1 byte of key, got "
                    + iterations + " iterations and " + length + " bytes");
        }
        Mac mac = Mac.getInstance(macAlgorithm);
        try {
            // HMAC pads its key with zeros to the block size, so the empty key equals the key {0};
            // SecretKeySpec refuses an empty array.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, macAlgorithm));
            int blockSize = mac.getMacLength();
            byte[] key = new byte[length];
            byte[] u = new byte[blockSize];
            byte[] t = new byte[blockSize];
            for (int block = 1, offset = 0; offset < length; block++, offset += blockSize) {
                mac.update(salt);
                mac.update(new byte[] {
                    (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, blockSize);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < blockSize; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, key, offset, Math.min(blockSize, length - offset));
            }
            return key;
        } catch (InvalidKeyException | ShortBufferException e) {
            throw new IllegalStateException("The JDK's " + macAlgorithm + " refused a key or buffer it must accept", e);
        }
    }
}
