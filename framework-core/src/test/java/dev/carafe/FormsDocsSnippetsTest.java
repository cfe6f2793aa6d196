package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the examples of docs/request-forms.md and checks the outputs the page shows. */
class FormsDocsSnippetsTest {

    @TempDir
    Path uploads;

    @Test
    void theFormFieldsExampleReadsRequiredOptionalAndRepeatedFields() throws IOException {
        byte[] body = "title=Hello&tag=java&tag=web".getBytes(StandardCharsets.US_ASCII);
        try (FormData form = FormParser.parse(new ByteArrayInputStream(body),
                MediaType.parse(FormParser.URLENCODED), body.length, BodyLimits.defaults())) {
            assertEquals("Hello (0 chars) [java, web]", FormsDocsSnippets.describePost(form.fields()));
        }
        MultiMap noTitle = MultiMap.builder("form").add("body", "text").build();
        assertEquals("Missing key 'title' in the form; the request had keys [body]. Send the field, or use"
                + " first(\"title\") to make it optional.",
                assertThrows(MultiMap.MissingKey.class, () -> FormsDocsSnippets.describePost(noTitle)).getMessage());
    }

    @Test
    void theUploadExampleStoresUnderASafeName() throws IOException {
        byte[] body = Bodies.multipart().file("avatar", "../../me.png", "image/png", new byte[] {1, 2}).close();
        try (FormData form = FormParser.parse(new ByteArrayInputStream(body), Bodies.MULTIPART, body.length,
                BodyLimits.defaults())) {
            Path saved = FormsDocsSnippets.saveAvatar(form.files(), uploads);
            assertEquals(uploads.resolve("me.png"), saved);
            assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(saved));
        }
    }

    @Test
    void theJsonExampleWritesWhatThePageShows() throws IOException {
        JsonCodec json = JsonCodec.defaults();
        FormsDocsSnippets.Post post = new FormsDocsSnippets.Post("Hello", LocalDate.of(2026, 11, 24), List.of("java"));
        assertEquals("{\"title\":\"Hello\",\"published\":\"2026-11-24\",\"tags\":[\"java\"]}",
                new String(json.write(post), StandardCharsets.UTF_8));
        String unknown = assertThrows(MalformedBodyException.class, () -> json.read(new ByteArrayInputStream(
                "{\"titel\":\"Hello\"}".getBytes(StandardCharsets.UTF_8)), FormsDocsSnippets.Post.class)).getMessage();
        assertEquals("unknown property 'titel' for Post; expected one of [title, published, tags]. Remove it or fix"
                + " its name", unknown);
        String mismatch = assertThrows(MalformedBodyException.class, () -> json.read(new ByteArrayInputStream(
                "{\"title\":\"Hello\",\"published\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)),
                FormsDocsSnippets.Post.class)).getMessage();
        assertEquals("invalid JSON value at 'published' (line 1, column 30): expected LocalDate, got the string "
                + "\"yesterday\"", mismatch);
    }
}
