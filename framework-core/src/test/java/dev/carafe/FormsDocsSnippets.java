package dev.carafe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The examples of docs/request-forms.md, compiled (and exercised by {@link FormsDocsSnippetsTest}). */
final class FormsDocsSnippets {

    private FormsDocsSnippets() {
    }

    // tag::form-fields[]
    static String describePost(MultiMap form) {
        String title = form.get("title");                    // required: missing → 400 Bad Request
        String body = form.first("body").orElse("");         // optional
        List<String> tags = form.all("tag");                 // every value of a repeated field, in order
        return title + " (" + body.length() + " chars) " + tags;
    }
    // end::form-fields[]

    // tag::upload[]
    static Path saveAvatar(Map<String, List<UploadedFile>> files, Path uploads) throws IOException {
        UploadedFile avatar = files.get("avatar").get(0);
        String name = avatar.safeFilename().orElse("avatar.bin");   // never trust filename() as a path
        Path target = uploads.resolve(name);
        avatar.transferTo(target);                                  // moves a spooled upload, no copy
        return target;
    }
    // end::upload[]

    // tag::json-record[]
    record Post(String title, LocalDate published, List<String> tags) {
    }
    // end::json-record[]
}
