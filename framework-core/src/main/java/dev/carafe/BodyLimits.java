package dev.carafe;

import java.util.OptionalLong;

/**
 * The limits that protect a request body from exhausting memory or disk (Flask's
 * {@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE} and {@code MAX_FORM_PARTS}).
 * A breach raises {@link BodyTooLargeException}, which the App answers with 413 Content Too Large.
 *
 * @param maxContentLength the most bytes a body may have, checked against {@code Content-Length}
 *     before reading and counted while reading (chunked bodies too); empty means no limit (the default)
 * @param maxFormMemorySize the most bytes of a whole {@code application/x-www-form-urlencoded} body,
 *     and of each non-file field of a {@code multipart/form-data} body (default 500 000)
 * @param maxFormParts the most parts of a {@code multipart/form-data} body (default 1 000)
 * @param spoolThreshold the most bytes of an uploaded file kept in memory; a larger file goes to
 *     a temporary file, deleted when the request ends (default 500 KiB)
 */
record BodyLimits(OptionalLong maxContentLength, long maxFormMemorySize, int maxFormParts, long spoolThreshold) {

    /** Flask's default for {@code MAX_FORM_MEMORY_SIZE}. */
    static final long DEFAULT_MAX_FORM_MEMORY_SIZE = 500_000;
    /** Flask's default for {@code MAX_FORM_PARTS}. */
    static final int DEFAULT_MAX_FORM_PARTS = 1_000;
    /** Werkzeug's in-memory size for uploads before they spill to disk. */
    static final long DEFAULT_SPOOL_THRESHOLD = 500 * 1024;

    private static final BodyLimits DEFAULTS = new BodyLimits(OptionalLong.empty(),
            DEFAULT_MAX_FORM_MEMORY_SIZE, DEFAULT_MAX_FORM_PARTS, DEFAULT_SPOOL_THRESHOLD);

    BodyLimits {
        if (maxContentLength.isPresent() && maxContentLength.getAsLong() < 0) {
            throw new IllegalArgumentException("maxContentLength must be >= 0, but was "
                    + maxContentLength.getAsLong() + "; use OptionalLong.empty() for no limit");
        }
        if (maxFormMemorySize < 0) {
            throw new IllegalArgumentException("maxFormMemorySize must be >= 0, but was " + maxFormMemorySize);
        }
        if (maxFormParts < 1) {
            throw new IllegalArgumentException("maxFormParts must be >= 1, but was " + maxFormParts);
        }
        if (spoolThreshold < 0) {
            throw new IllegalArgumentException("spoolThreshold must be >= 0, but was " + spoolThreshold);
        }
    }

    /** Returns Flask's defaults: no content length limit, 500 000 bytes per form field, 1 000 parts, 500 KiB in memory. */
    static BodyLimits defaults() {
        return DEFAULTS;
    }

    /** Returns these limits with a maximum body size. */
    BodyLimits withMaxContentLength(long bytes) {
        return new BodyLimits(OptionalLong.of(bytes), maxFormMemorySize, maxFormParts, spoolThreshold);
    }

    /** Returns these limits without a maximum body size. */
    BodyLimits withoutMaxContentLength() {
        return new BodyLimits(OptionalLong.empty(), maxFormMemorySize, maxFormParts, spoolThreshold);
    }

    /** Returns these limits with another form memory size. */
    BodyLimits withMaxFormMemorySize(long bytes) {
        return new BodyLimits(maxContentLength, bytes, maxFormParts, spoolThreshold);
    }

    /** Returns these limits with another part count. */
    BodyLimits withMaxFormParts(int parts) {
        return new BodyLimits(maxContentLength, maxFormMemorySize, parts, spoolThreshold);
    }

    /** Returns these limits with another spool threshold. */
    BodyLimits withSpoolThreshold(long bytes) {
        return new BodyLimits(maxContentLength, maxFormMemorySize, maxFormParts, bytes);
    }
}
