package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadedFileTest {

    @TempDir
    Path dir;

    private FormData upload(byte[] content, long spoolThreshold) throws IOException {
        byte[] body = Bodies.multipart().file("f", "a.bin", "application/octet-stream", content).close();
        return FormParser.parse(new ByteArrayInputStream(body), Bodies.MULTIPART, body.length,
                BodyLimits.defaults().withSpoolThreshold(spoolThreshold), dir.resolve("spool"));
    }

    private static UploadedFile named(String filename) {
        return UploadedFile.inMemory("f", filename, "text/plain", List.of(), new byte[0]);
    }

    @Test
    void eachStreamStartsAtTheBeginning() throws IOException {
        Files.createDirectories(dir.resolve("spool"));
        for (long threshold : new long[] {10_000, 10}) {
            try (FormData form = upload(Bodies.bytes(500, 3), threshold)) {
                UploadedFile file = form.files().get("f").get(0);
                try (InputStream first = file.stream()) {
                    first.readNBytes(100);
                }
                try (InputStream second = file.stream()) {
                    assertArrayEquals(Bodies.bytes(500, 3), second.readAllBytes(), "threshold " + threshold);
                }
            }
        }
    }

    @Test
    void transferToMovesASpooledFileAndLaterReadsUseTheNewPlace() throws IOException {
        Files.createDirectories(dir.resolve("spool"));
        Path target = dir.resolve("kept.bin");
        UploadedFile file;
        try (FormData form = upload(Bodies.bytes(2000, 5), 100)) {
            file = form.files().get("f").get(0);
            Path temporary = file.spoolFile().orElseThrow();
            file.transferTo(target);
            assertFalse(Files.exists(temporary));
            assertArrayEquals(Bodies.bytes(2000, 5), Files.readAllBytes(target));
        }
        assertArrayEquals(Bodies.bytes(2000, 5), file.bytes());
        assertTrue(Files.exists(target), "a moved upload is the user's file: closing the form keeps it");
        Path copy = dir.resolve("copy.bin");
        file.transferTo(copy);
        assertArrayEquals(Bodies.bytes(2000, 5), Files.readAllBytes(copy));
        assertTrue(Files.exists(target));
    }

    @Test
    void transferToWritesAnInMemoryFileAndReplacesAnExistingOne() throws IOException {
        Files.createDirectories(dir.resolve("spool"));
        Path target = dir.resolve("a.bin");
        Files.writeString(target, "old content that is longer");
        try (FormData form = upload(new byte[] {1, 2}, 1000)) {
            form.files().get("f").get(0).transferTo(target);
        }
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    }

    @Test
    void readingASpooledFileAfterItsRequestEndedSaysHowToKeepIt() throws IOException {
        Files.createDirectories(dir.resolve("spool"));
        UploadedFile file;
        try (FormData form = upload(new byte[300], 100)) {
            file = form.files().get("f").get(0);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, file::stream);
        assertEquals("The uploaded file 'a.bin' (field 'f') was a temporary file deleted when its request ended;"
                + " save it with transferTo(Path) or read it while handling the request", e.getMessage());
    }

    @Test
    void bytesReturnsACopy() throws IOException {
        UploadedFile file = UploadedFile.inMemory("f", "a", "text/plain", List.of(), new byte[] {1});
        file.bytes()[0] = 9;
        assertArrayEquals(new byte[] {1}, file.bytes());
    }

    @Test
    void safeFilenameKeepsOnlyPortableCharacters() {
        assertEquals(Optional.of("My_cool_movie.mov"), named("My cool movie.mov").safeFilename());
        assertEquals(Optional.of("etc_passwd"), named("../../../etc/passwd").safeFilename());
        assertEquals(Optional.of("i_contain_cool_umlauts.txt"), named("i contain cool ümläuts.txt").safeFilename());
        assertEquals(Optional.of("C_Windows_win.ini"), named("C:\\Windows\\win.ini").safeFilename());
        assertEquals(Optional.of("hidden"), named(".hidden").safeFilename());
        assertEquals(Optional.of("_con.txt"), named("con.txt").safeFilename());
        assertEquals(Optional.of("_NUL"), named("NUL").safeFilename());
        assertEquals(Optional.empty(), named("../..").safeFilename());
        assertEquals(Optional.empty(), named("€€€").safeFilename());
        assertEquals(Optional.empty(), named("").safeFilename());
    }

    @Test
    void headersAreKeptInOrderAndLookedUpIgnoringCase() {
        UploadedFile file = UploadedFile.inMemory("f", "a", "text/plain",
                List.of(new Header("Content-Disposition", "form-data; name=\"f\""), new Header("X-A", "1")),
                new byte[0]);
        assertEquals(List.of(new Header("Content-Disposition", "form-data; name=\"f\""), new Header("X-A", "1")),
                file.headers());
        assertEquals(Optional.of("1"), file.header("x-a"));
        assertEquals(Optional.empty(), file.header("Content-Type"));
        assertEquals("UploadedFile[field=f, filename=a, contentType=text/plain, size=0, in memory]", file.toString());
    }
}
