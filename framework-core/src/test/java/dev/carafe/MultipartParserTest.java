package dev.carafe;

import static dev.carafe.Bodies.BOUNDARY;
import static dev.carafe.Bodies.MULTIPART;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartParserTest {

    @TempDir
    Path spool;

    private FormData parse(byte[] body, BodyLimits limits) throws IOException {
        return parse(new ByteArrayInputStream(body), MULTIPART, body.length, limits);
    }

    private FormData parse(InputStream body, MediaType type, long length, BodyLimits limits) throws IOException {
        return FormParser.parse(body, type, length, limits, spool);
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @Test
    void fieldsAndFilesArriveInOrderWithTheirNamesAndTypes() throws IOException {
        byte[] body = Bodies.multipart().field("title", "Hello").field("tag", "a").field("tag", "b")
                .file("photo", "cat.png", "image/png", new byte[] {1, 2, 3})
                .file("photo", "dog.png", "image/png", new byte[] {4}).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals(MultiMap.of("title", "Hello", "tag", "a", "tag", "b"), form.fields());
            List<UploadedFile> photos = form.files().get("photo");
            assertEquals(2, photos.size());
            assertEquals("photo", photos.get(0).field());
            assertEquals(Optional.of("cat.png"), photos.get(0).filename());
            assertEquals("image/png", photos.get(0).contentType());
            assertArrayEquals(new byte[] {1, 2, 3}, photos.get(0).bytes());
            assertEquals(Optional.of("dog.png"), photos.get(1).filename());
            assertEquals(Optional.of("form-data; name=\"photo\"; filename=\"cat.png\""),
                    photos.get(0).header("content-disposition"));
        }
    }

    @Test
    void aBoundaryIsFoundWhenReadsSplitItAnywhere() throws IOException {
        byte[] content = "one\r\ntwo\r\n--\r\n-".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.multipart().field("a", "first").file("f", "x.txt", "text/plain", content)
                .field("b", "").close();
        for (int chunk : new int[] {1, 2, 3, 5, 7, 13, 64}) {
            try (FormData form = parse(Bodies.trickle(body, chunk), MULTIPART, -1, BodyLimits.defaults())) {
                assertEquals(MultiMap.of("a", "first", "b", ""), form.fields(), "chunk " + chunk);
                assertArrayEquals(content, form.files().get("f").get(0).bytes(), "chunk " + chunk);
            }
        }
    }

    @Test
    void aQuotedBoundaryIsUnquoted() throws IOException {
        byte[] body = Bodies.multipart().field("a", "1").close();
        MediaType quoted = MediaType.parse("multipart/form-data; boundary=\"" + BOUNDARY + "\"");
        try (FormData form = parse(new ByteArrayInputStream(body), quoted, body.length, BodyLimits.defaults())) {
            assertEquals(MultiMap.of("a", "1"), form.fields());
        }
    }

    @Test
    void aMissingBoundaryIsRejectedWithAnExample() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> parse(
                new ByteArrayInputStream(new byte[0]), MediaType.parse("multipart/form-data"), 0, BodyLimits.defaults()));
        assertEquals("Content-Type 'multipart/form-data' has no boundary; multipart/form-data needs a boundary of 1"
                + " to 70 characters, for example 'multipart/form-data; boundary=----carafe7MA4YWxkTrZu0gW'",
                e.getMessage());
    }

    @Test
    void aBodyWithoutTheBoundaryIsRejected() {
        byte[] body = "just some text".getBytes(StandardCharsets.UTF_8);
        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> parse(body, BodyLimits.defaults()));
        assertEquals("the multipart body has no delimiter '--" + BOUNDARY
                + "'; the boundary in Content-Type does not match the body", e.getMessage());
    }

    @Test
    void preambleAndEpilogueAreIgnored() throws IOException {
        byte[] body = Bodies.multipart().raw("This is the preamble.\r\n").field("a", "1").raw("")
                .close();
        byte[] withEpilogue = (new String(body, StandardCharsets.UTF_8) + "This is the epilogue.\r\n--" + BOUNDARY
                + "\r\n").getBytes(StandardCharsets.UTF_8);
        try (FormData form = parse(withEpilogue, BodyLimits.defaults())) {
            assertEquals(MultiMap.of("a", "1"), form.fields());
        }
    }

    @Test
    void crlfAndDashesInsideFileContentAreKept() throws IOException {
        byte[] content = ("line one\r\n\r\n--" + BOUNDARY.substring(0, 10) + "\r\n--\r\nlast line\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.multipart().file("f", "a.txt", "text/plain", content).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertArrayEquals(content, form.files().get("f").get(0).bytes());
        }
    }

    @Test
    void binaryFilesRoundTripByteForByte() throws IOException {
        byte[] content = Bodies.bytes(70_000, 7);
        byte[] body = Bodies.multipart().file("f", "blob.bin", "application/octet-stream", content).close();
        try (FormData form = parse(Bodies.trickle(body, 997), MULTIPART, -1, BodyLimits.defaults())) {
            UploadedFile file = form.files().get("f").get(0);
            assertEquals(70_000, file.size());
            assertArrayEquals(content, file.bytes());
        }
    }

    @Test
    void anEmptyFileInputHasNoFilenameAndNoBytes() throws IOException {
        byte[] body = Bodies.multipart().file("f", "", "application/octet-stream", new byte[0]).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            UploadedFile file = form.files().get("f").get(0);
            assertEquals(Optional.empty(), file.filename());
            assertEquals(0, file.size());
            assertArrayEquals(new byte[0], file.bytes());
            assertTrue(form.fields().isEmpty());
        }
    }

    @Test
    void aFilePartWithoutContentTypeIsOctetStream() throws IOException {
        byte[] body = Bodies.multipart().part("Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n",
                new byte[] {9}).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals("application/octet-stream", form.files().get("f").get(0).contentType());
        }
    }

    @Test
    void filenamesWithPathsAreKeptRaw() throws IOException {
        byte[] body = Bodies.multipart().file("a", "C:\\Users\\me\\report.pdf", "application/pdf", new byte[] {1})
                .file("b", "../../etc/passwd", "text/plain", new byte[] {2}).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals(Optional.of("C:\\Users\\me\\report.pdf"), form.files().get("a").get(0).filename());
            assertEquals(Optional.of("../../etc/passwd"), form.files().get("b").get(0).filename());
            assertEquals(Optional.of("C_Users_me_report.pdf"), form.files().get("a").get(0).safeFilename());
            assertEquals(Optional.of("etc_passwd"), form.files().get("b").get(0).safeFilename());
        }
    }

    @Test
    void anRfc5987FilenameWinsOverThePlainOne() throws IOException {
        byte[] body = Bodies.multipart().part("Content-Disposition: form-data; name=\"f\"; filename=\"rates.txt\";"
                + " filename*=UTF-8''%E2%82%AC%20rates+2026.txt\r\n", new byte[] {1}).close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals(Optional.of("€ rates+2026.txt"), form.files().get("f").get(0).filename());
        }
    }

    @Test
    void rawUtf8FieldNamesAndFilenamesAreDecoded() throws IOException {
        byte[] body = Bodies.multipart().file("föto", "Ünïcode €.txt", "text/plain", new byte[] {1})
                .field("naïve", "café").close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals(Optional.of("Ünïcode €.txt"), form.files().get("föto").get(0).filename());
            assertEquals("café", form.fields().get("naïve"));
        }
    }

    @Test
    void aFieldIsDecodedWithItsPartCharset() throws IOException {
        byte[] body = Bodies.multipart().part("Content-Disposition: form-data; name=\"a\"\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n", "café".getBytes(StandardCharsets.ISO_8859_1))
                .close();
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals("café", form.fields().get("a"));
        }
    }

    @Test
    void aFieldExactlyAtMaxFormMemorySizePassesAndOneByteMoreIs413() throws IOException {
        BodyLimits limits = BodyLimits.defaults().withMaxFormMemorySize(100);
        try (FormData form = parse(Bodies.multipart().field("body", "x".repeat(100)).close(), limits)) {
            assertEquals(100, form.fields().get("body").length());
        }
        byte[] over = Bodies.multipart().field("body", "x".repeat(101)).close();
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> parse(over, limits));
        assertEquals("maxFormMemorySize", e.limit());
        assertEquals("form field 'body' of more than 100 bytes exceeds maxFormMemorySize 100; raise"
                + " it with app.maxFormSize(bytes, parts) or send the value as a file", e.getMessage());
    }

    @Test
    void maxFormMemorySizeDoesNotLimitFiles() throws IOException {
        BodyLimits limits = BodyLimits.defaults().withMaxFormMemorySize(10);
        byte[] body = Bodies.multipart().file("f", "a.bin", "application/octet-stream", new byte[1000]).close();
        try (FormData form = parse(body, limits)) {
            assertEquals(1000, form.files().get("f").get(0).size());
        }
    }

    @Test
    void partsExactlyAtMaxFormPartsPassAndOneMoreIs413() throws IOException {
        BodyLimits limits = BodyLimits.defaults().withMaxFormParts(3);
        Bodies three = Bodies.multipart().field("a", "1").field("b", "2").file("c", "c.txt", "text/plain", new byte[1]);
        try (FormData form = parse(three.close(), limits)) {
            assertEquals(2, form.fields().size());
        }
        byte[] four = Bodies.multipart().field("a", "1").field("b", "2").field("c", "3").field("d", "4").close();
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> parse(four, limits));
        assertEquals("multipart body has more than 3 parts, exceeding maxFormParts 3; raise it with app.maxFormSize(bytes, parts)"
                + " or send fewer fields", e.getMessage());
    }

    @Test
    void aFileExactlyAtTheSpoolThresholdStaysInMemoryAndALargerOneGoesToDisk() throws IOException {
        BodyLimits limits = BodyLimits.defaults().withSpoolThreshold(1024);
        byte[] body = Bodies.multipart().file("small", "s.bin", "application/octet-stream", Bodies.bytes(1024, 1))
                .file("large", "l.bin", "application/octet-stream", Bodies.bytes(1025, 2)).close();
        try (FormData form = parse(Bodies.trickle(body, 100), MULTIPART, -1, limits)) {
            UploadedFile small = form.files().get("small").get(0);
            UploadedFile large = form.files().get("large").get(0);
            assertEquals(Optional.empty(), small.spoolFile());
            Path file = large.spoolFile().orElseThrow();
            assertEquals(List.of(file), spooled());
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(file), "only the owner may read an upload");
            }
            assertArrayEquals(Bodies.bytes(1025, 2), Files.readAllBytes(file));
            assertArrayEquals(Bodies.bytes(1025, 2), large.bytes());
            assertEquals(1025, large.size());
        }
        assertEquals(List.of(), spooled());
    }

    @Test
    void aBodyThatEndsBeforeTheClosingDelimiterIs400AndLeavesNoTemporaryFile() {
        BodyLimits limits = BodyLimits.defaults().withSpoolThreshold(10);
        byte[] cut = Bodies.multipart().file("done", "a.bin", "application/octet-stream", new byte[100])
                .raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\n\r\n")
                .raw("x".repeat(500)).unclosed();
        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> parse(cut, limits));
        assertEquals("the multipart body ended before its closing delimiter '--" + BOUNDARY
                + "--'; the upload was cut short", e.getMessage());
        assertDoesNotThrowIO(() -> assertEquals(List.of(), spooled()));
    }

    @Test
    void aBodyThatEndsInsidePartHeadersIs400() {
        byte[] cut = Bodies.multipart().raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; na").unclosed();
        assertThrows(MalformedBodyException.class, () -> parse(cut, BodyLimits.defaults()));
        byte[] afterDelimiter = Bodies.multipart().raw("--" + BOUNDARY).unclosed();
        assertThrows(MalformedBodyException.class, () -> parse(afterDelimiter, BodyLimits.defaults()));
    }

    @Test
    void maxContentLengthStopsAChunkedBodyWhileItIsRead() {
        byte[] body = Bodies.multipart().file("f", "a.bin", "application/octet-stream", new byte[5000]).close();
        BodyLimits limits = BodyLimits.defaults().withMaxContentLength(4000);
        Bodies.Counting input = new Bodies.Counting(body);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> parse(input, MULTIPART, -1, limits));
        assertEquals("request body of more than 4000 bytes exceeds maxContentLength 4000; raise"
                + " it with app.maxContentLength(bytes) or send less data", e.getMessage());
        assertEquals(4001, input.read);
        assertDoesNotThrowIO(() -> assertEquals(List.of(), spooled()));
    }

    @Test
    void aDeclaredLengthOverMaxContentLengthFailsBeforeReading() {
        byte[] body = Bodies.multipart().field("a", "1").close();
        Bodies.Counting input = new Bodies.Counting(body);
        BodyLimits limits = BodyLimits.defaults().withMaxContentLength(body.length - 1);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> parse(input, MULTIPART, body.length, limits));
        assertEquals("request body of " + body.length + " bytes exceeds maxContentLength " + (body.length - 1)
                + "; raise it with app.maxContentLength(bytes) or send less data", e.getMessage());
        assertEquals(0, input.read);
    }

    @Test
    void aBodyExactlyAtMaxContentLengthPasses() throws IOException {
        byte[] body = Bodies.multipart().field("a", "1").close();
        BodyLimits limits = BodyLimits.defaults().withMaxContentLength(body.length);
        try (FormData form = parse(new Bodies.Counting(body), MULTIPART, -1, limits)) {
            assertEquals(MultiMap.of("a", "1"), form.fields());
        }
    }

    @Test
    void anOversizedHeaderBlockIs413() {
        byte[] body = Bodies.multipart().part("Content-Disposition: form-data; name=\"a\"\r\nX-Padding: "
                + "p".repeat(MultipartParser.MAX_HEADER_BYTES) + "\r\n", new byte[1]).close();
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> parse(body, BodyLimits.defaults()));
        assertEquals("the headers of part 1 of the multipart body exceed 16384 bytes; part headers are normally a"
                + " few hundred bytes: check what the client sends", e.getMessage());
    }

    @Test
    void aPartWithoutContentDispositionOrNameIs400() {
        byte[] noDisposition = Bodies.multipart().part("Content-Type: text/plain\r\n", new byte[1]).close();
        assertEquals("part 1 of the multipart body has no Content-Disposition header; expected for example"
                + " 'Content-Disposition: form-data; name=\"title\"'",
                assertThrows(MalformedBodyException.class, () -> parse(noDisposition, BodyLimits.defaults()))
                        .getMessage());
        byte[] noName = Bodies.multipart().field("a", "1").part("Content-Disposition: form-data\r\n", new byte[1])
                .close();
        assertEquals("part 2 of the multipart body has no field name in Content-Disposition 'form-data'; expected"
                + " form-data; name=\"...\"",
                assertThrows(MalformedBodyException.class, () -> parse(noName, BodyLimits.defaults())).getMessage());
    }

    @Test
    void aMalformedHeaderLineIs400() {
        byte[] body = Bodies.multipart().part("no colon here\r\n", new byte[1]).close();
        assertEquals("part 1 of the multipart body has a malformed header line 'no colon here'; expected"
                + " 'Name: value'",
                assertThrows(MalformedBodyException.class, () -> parse(body, BodyLimits.defaults())).getMessage());
    }

    @Test
    void textAfterADelimiterIs400() {
        byte[] body = Bodies.multipart().field("a", "1").raw("--" + BOUNDARY + "xy\r\n").unclosed();
        assertEquals("the multipart body has 'xy' after the delimiter '--" + BOUNDARY + "'; expected CRLF or '--'"
                + " (the boundary must not occur inside the content)",
                assertThrows(MalformedBodyException.class, () -> parse(body, BodyLimits.defaults())).getMessage());
    }

    @Test
    void transportPaddingAfterADelimiterIsAllowed() throws IOException {
        byte[] body = ("--" + BOUNDARY + " \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--"
                + BOUNDARY + "--").getBytes(StandardCharsets.UTF_8);
        try (FormData form = parse(body, BodyLimits.defaults())) {
            assertEquals(MultiMap.of("a", "1"), form.fields());
        }
    }

    @Test
    void otherContentTypesGiveAnEmptyFormWithoutReadingTheBody() throws IOException {
        Bodies.Counting input = new Bodies.Counting("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        try (FormData form = parse(input, MediaType.parse("application/json"), 7, BodyLimits.defaults())) {
            assertTrue(form.fields().isEmpty());
            assertTrue(form.files().isEmpty());
        }
        assertEquals(0, input.read);
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        byte[] body = Bodies.multipart().file("f", "a.bin", "application/octet-stream", new byte[2000]).close();
        FormData form = parse(body, BodyLimits.defaults().withSpoolThreshold(100));
        form.close();
        form.close();
        assertFalse(Files.exists(form.files().get("f").get(0).spoolFile().orElseThrow()));
    }

    private interface IoCheck {
        void run() throws IOException;
    }

    private static void assertDoesNotThrowIO(IoCheck check) {
        try {
            check.run();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
