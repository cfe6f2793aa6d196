package dev.carafe.gateway.server;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the requests of a fuzz run from a few valid seeds: first each seed as is, then mutants of
 * one to three edits each (a byte replaced by an interesting one, inserted or deleted, a line
 * duplicated or two swapped, the request cut short, a Content-Length or a chunk size changed).
 * The same seed always gives the same cases.
 */
final class FuzzMutator {

    /** A valid request to mutate: its name, its bytes, and how many requests it holds. */
    record Seed(String name, String text, int requests) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("get", "GET /search/items?q=fuzz&page=2 HTTP/1.1\r\nHost: example.test\r\n"
                    + "User-Agent: fuzz/1.0\r\nX-Fuzz: seed-get\r\nAccept: */*\r\n\r\n", 1),
            new Seed("post-length", "POST /upload?kind=text HTTP/1.1\r\nHost: example.test\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 26\r\nX-Fuzz: seed-post\r\n\r\n"
                    + "abcdefghijklmnopqrstuvwxyz", 1),
            new Seed("post-chunked", "POST /stream HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Fuzz: seed-chunked\r\n\r\n5;name=value\r\nhello\r\n7;q=\"a b\"\r\n, world\r\n0\r\n"
                    + "X-Trailer: done\r\n\r\n", 1),
            new Seed("pipelined", "GET /one HTTP/1.1\r\nHost: example.test\r\n\r\n"
                    + "GET /two?x=1 HTTP/1.1\r\nHost: example.test\r\nX-Fuzz: second\r\n\r\n", 2),
            new Seed("http10-keep-alive", "GET /legacy?v=1.0 HTTP/1.0\r\nConnection: keep-alive\r\n"
                    + "X-Fuzz: seed-http10\r\n\r\n", 1));

    private static final byte[] INTERESTING = {'\r', '\n', 0, ' ', '\t', ':', '"', 0x7f, (byte) 0x80, (byte) 0xff,
        '0', '1', '9', 'a', ';', '/', '?', '%'};
    private static final Pattern CONTENT_LENGTH = Pattern.compile("Content-Length: ([0-9]+)");
    private static final Pattern CHUNK_SIZE = Pattern.compile("\r\n([0-9a-fA-F]+)(;[^\r]*)?\r\n");

    private final long seed;
    private final Random random;

    FuzzMutator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seeds as they are (index 0 to 4), then {@code count - 5} mutants. */
    List<FuzzCase> cases(int count) {
        List<FuzzCase> cases = new ArrayList<>(count);
        for (Seed s : SEEDS) {
            cases.add(new FuzzCase(seed, cases.size(), s.name(), "", FuzzCase.bytes(s.text()), true));
        }
        while (cases.size() < count) {
            Seed s = SEEDS.get(random.nextInt(SEEDS.size()));
            byte[] bytes = FuzzCase.bytes(s.text());
            int edits = random.nextInt(10) < 6 ? 1 : random.nextInt(10) < 7 ? 2 : 3;
            List<String> done = new ArrayList<>();
            for (int i = 0; i < edits && bytes.length > 0; i++) {
                String[] what = new String[1];
                bytes = mutate(bytes, what);
                done.add(what[0]);
            }
            cases.add(new FuzzCase(seed, cases.size(), s.name(), String.join("; ", done), bytes,
                    random.nextInt(3) != 0));
        }
        return cases;
    }

    private byte[] mutate(byte[] in, String[] what) {
        int pos = random.nextInt(in.length);
        byte b = INTERESTING[random.nextInt(INTERESTING.length)];
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                byte[] out = in.clone();
                out[pos] = b;
                what[0] = "replace byte " + pos + " with " + hex(b);
                return out;
            }
            case 2 -> {
                what[0] = "insert " + hex(b) + " at " + pos;
                return splice(in, pos, 0, new byte[] {b});
            }
            case 3 -> {
                int length = 1 + random.nextInt(Math.min(4, in.length - pos));
                what[0] = "delete " + length + " bytes at " + pos;
                return splice(in, pos, length, new byte[0]);
            }
            case 4 -> {
                int[] line = line(in, pos);
                what[0] = "duplicate the line at " + line[0];
                return splice(in, line[0], 0, Arrays.copyOfRange(in, line[0], line[1]));
            }
            case 5 -> {
                int[] first = line(in, random.nextInt(pos + 1));
                int[] second = line(in, pos);
                if (first[0] == second[0]) {
                    what[0] = "swap a line with itself at " + first[0];
                    return in;
                }
                what[0] = "swap the lines at " + first[0] + " and " + second[0];
                byte[] a = Arrays.copyOfRange(in, first[0], first[1]);
                byte[] c = Arrays.copyOfRange(in, second[0], second[1]);
                byte[] out = splice(in, second[0], c.length, a);
                return splice(out, first[0], a.length, c);
            }
            case 6 -> {
                what[0] = "truncate at " + pos;
                return Arrays.copyOf(in, pos);
            }
            case 7 -> {
                return replaceNumber(in, CONTENT_LENGTH, what, "Content-Length");
            }
            default -> {
                return replaceNumber(in, CHUNK_SIZE, what, "chunk size");
            }
        }
    }

    /** Changes the first match of {@code pattern}'s number by ±1 (or, for a chunk size, to a random hex). */
    private byte[] replaceNumber(byte[] in, Pattern pattern, String[] what, String name) {
        Matcher m = pattern.matcher(new String(in, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            what[0] = "no " + name + " to change";
            return in;
        }
        boolean hex = name.equals("chunk size");
        BigInteger value = new BigInteger(m.group(1), hex ? 16 : 10);
        int choice = random.nextInt(hex ? 4 : 2);
        BigInteger changed = choice == 0 ? value.add(BigInteger.ONE)
                : choice == 1 ? value.subtract(BigInteger.ONE).max(BigInteger.ZERO)
                : BigInteger.valueOf(random.nextInt(64));
        String text = choice == 3 ? "ffffffffffffffffff" : changed.toString(hex ? 16 : 10);
        what[0] = "change the " + name + " " + m.group(1) + " to " + text;
        return splice(in, m.start(1), m.end(1) - m.start(1), FuzzCase.bytes(text));
    }

    /** The line around {@code pos}: its start, and its end after its LF (or the end of the bytes). */
    private static int[] line(byte[] in, int pos) {
        int start = pos;
        while (start > 0 && in[start - 1] != '\n') {
            start--;
        }
        int end = pos;
        while (end < in.length && in[end] != '\n') {
            end++;
        }
        return new int[] {start, Math.min(in.length, end + 1)};
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    private static String hex(byte b) {
        return String.format("0x%02x", b & 0xff);
    }
}
