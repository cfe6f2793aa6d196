package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBodyTest {

    @TempDir
    Path dir;

    @Test
    void aFileBodyYieldsThePartInBlocksAndClosesItsChannel() throws Exception {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("data.bin"), content);
        List<Integer> sizes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileBody body = FileBody.open(file, 10, 150_000);
        try (body) {
            for (byte[] block : body) {
                sizes.add(block.length);
                out.write(block);
            }
        }
        assertEquals(List.of(65_536, 65_536, 18_928), sizes);
        byte[] expected = new byte[150_000];
        System.arraycopy(content, 10, expected, 0, expected.length);
        assertArrayEquals(expected, out.toByteArray());
        assertFalse(body.channel().isOpen());
    }

    @Test
    void theFallbackWrapperWrapsAChannelAsAFileBody() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        Iterable<byte[]> body = FileWrapper.PLAIN.wrap(java.nio.channels.FileChannel.open(file), 1, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] block : body) {
            out.write(block);
        }
        ((AutoCloseable) body).close();
        assertEquals("ell", out.toString());
    }
}
