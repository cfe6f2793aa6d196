package dev.carafe.flaskr;

import java.security.NoSuchAlgorithmException;

/**
 * The scrypt key derivation function (RFC 7914), which the JDK lacks: what Python's
 * {@code hashlib.scrypt} computes, and what Werkzeug's default {@code scrypt:32768:8:1} password
 * hashes use. Only {@link Passwords} calls it, to verify hashes made by Flask.
 */
final class Scrypt {

    /** The most memory one derivation may take (128 * N * r bytes), so a crafted hash cannot exhaust the heap. */
    static final long MAX_MEMORY = 256L * 1024 * 1024;

    private Scrypt() {
    }

    /**
     * Derives a key.
     *
     * @param password the password bytes
     * @param salt the salt bytes
     * @param n the CPU/memory cost, a power of two greater than 1
     * @param r the block size, at least 1
     * @param p the parallelisation, at least 1
     * @param length the key length in bytes
     * @return the derived key
     * @throws IllegalArgumentException for parameters outside those ranges or above {@link #MAX_MEMORY}
     */
    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || (long) r * p >= 1 << 30) {
            throw new IllegalArgumentException("scrypt needs N a power of two greater than 1, r >= 1, p >= 1 and"
                    + " r * p < 2^30, got N=" + n + ", r=" + r + ", p=" + p);
        }
        if (128L * r * n > MAX_MEMORY) {
            throw new IllegalArgumentException("scrypt with N=" + n + " and r=" + r + " needs " + 128L * r * n
                    + " bytes of memory, more than the " + MAX_MEMORY + " this application allows");
        }
        try {
            int blockBytes = 128 * r;
            byte[] b = Pbkdf2.derive("HmacSHA256", password, salt, 1, p * blockBytes);
            int[] x = new int[32 * r];
            int[] v = new int[32 * r * n];
            int[] scratch = new int[32 * r];
            for (int i = 0; i < p; i++) {
                toWords(b, i * blockBytes, x);
                roMix(x, v, scratch, r, n);
                toBytes(x, b, i * blockBytes);
            }
            return Pbkdf2.derive("HmacSHA256", password, b, 1, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no HmacSHA256, which every Java platform must provide", e);
        }
    }

    /** scryptROMix: fills v with N successive BlockMix states of x, then mixes x with N of them chosen by x. */
    private static void roMix(int[] x, int[] v, int[] scratch, int r, int n) {
        int words = 32 * r;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * words, words);
            blockMix(x, scratch, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);         // Integerify(X) mod N, N a power of two
            for (int k = 0; k < words; k++) {
                x[k] ^= v[j * words + k];
            }
            blockMix(x, scratch, r);
        }
    }

    /** scryptBlockMix: the 2r 64-byte blocks of b through Salsa20/8, even outputs first, then odd ones. */
    private static void blockMix(int[] b, int[] y, int r) {
        int[] x = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, x, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                x[k] ^= b[i * 16 + k];
            }
            salsa8(x);
            int target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(x, 0, y, target, 16);
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
    }

    /** The Salsa20/8 core on 16 words, in place. */
    private static void salsa8(int[] b) {
        int[] x = b.clone();
        for (int round = 0; round < 8; round += 2) {
            quarter(x, 4, 0, 12, 8);
            quarter(x, 9, 5, 1, 13);
            quarter(x, 14, 10, 6, 2);
            quarter(x, 3, 15, 11, 7);
            quarter(x, 1, 0, 3, 2);
            quarter(x, 6, 5, 4, 7);
            quarter(x, 11, 10, 9, 8);
            quarter(x, 12, 15, 14, 13);
        }
        for (int i = 0; i < 16; i++) {
            b[i] += x[i];
        }
    }

    /** One of the RFC's quarter-round lines: {@code x[a] ^= R(x[b] + x[c], 7); x[d] ^= R(x[a] + x[b], 9); ...}. */
    private static void quarter(int[] x, int a, int b, int c, int d) {
        x[a] ^= Integer.rotateLeft(x[b] + x[c], 7);
        x[d] ^= Integer.rotateLeft(x[a] + x[b], 9);
        x[c] ^= Integer.rotateLeft(x[d] + x[a], 13);
        x[b] ^= Integer.rotateLeft(x[c] + x[d], 18);
    }

    private static void toWords(byte[] bytes, int offset, int[] words) {
        for (int i = 0; i < words.length; i++) {
            int o = offset + 4 * i;
            words[i] = (bytes[o] & 0xff) | (bytes[o + 1] & 0xff) << 8 | (bytes[o + 2] & 0xff) << 16
                    | (bytes[o + 3] & 0xff) << 24;
        }
    }

    private static void toBytes(int[] words, byte[] bytes, int offset) {
        for (int i = 0; i < words.length; i++) {
            int o = offset + 4 * i;
            bytes[o] = (byte) words[i];
            bytes[o + 1] = (byte) (words[i] >>> 8);
            bytes[o + 2] = (byte) (words[i] >>> 16);
            bytes[o + 3] = (byte) (words[i] >>> 24);
        }
    }
}
