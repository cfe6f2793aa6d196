package dev.carafe;

import java.io.InputStream;

/** Parses multipart/form-data bodies (interim: the streaming parser lands in the next commit). */
final class MultipartParser {

    private MultipartParser() {
    }

    static FormData parse(InputStream body, MediaType contentType, BodyLimits limits) {
        throw new MalformedBodyException("multipart/form-data is not parsed yet by this build");
    }
}
