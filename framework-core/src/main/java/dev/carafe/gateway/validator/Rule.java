package dev.carafe.gateway.validator;

/**
 * The rule table: the 40 rules of the gateway contract the validator checks, with the number and
 * the short title every message starts with, and whether a breach is an error (a
 * {@link GatewayViolation}) or a warning (a line sent to the warning sink).
 */
enum Rule {
    ENVIRON_TYPE(1, "environ type", true),
    REQUIRED_KEYS(2, "required keys", true),
    CONTENT_KEYS(3, "content keys", true),
    QUERY_STRING(4, "QUERY_STRING", false),
    CGI_VALUES(5, "CGI values", true),
    VERSION(6, "gateway.version", true),
    URL_SCHEME(7, "gateway.url_scheme", true),
    STREAM_TYPES(8, "stream types", true),
    REQUEST_METHOD(9, "request method", false),
    SCRIPT_NAME(10, "SCRIPT_NAME", true),
    PATH_INFO(11, "PATH_INFO", true),
    CONTENT_LENGTH(12, "CONTENT_LENGTH", true),
    SERVER_ADDRESS(13, "server name and port", true),
    HEADER_KEYS(14, "header keys", true),
    START_ONCE(15, "start called once", true),
    STATUS_LINE(16, "status line", true),
    HEADER_LIST(17, "header list", true),
    HEADER_NAME(18, "header name", true),
    HEADER_VALUE(19, "header value", true),
    STATUS_HEADER(20, "Status header", true),
    HOP_BY_HOP(21, "hop-by-hop header", true),
    CONTENT_TYPE(22, "Content-Type", false),
    CONTENT_LENGTH_HEADER(23, "Content-Length header", true),
    ETAG(24, "ETag", false),
    EXC_INFO(25, "excInfo", true),
    BODY_RETURNED(26, "body returned", true),
    BODY_TYPE(27, "body type", true),
    BODY_CHUNK(28, "body chunk", true),
    START_BEFORE_BODY(29, "start before body", true),
    ITERATION_AFTER_CLOSE(30, "iteration after close", true),
    CLOSE_ONCE(31, "body closed once", true),
    CHUNK_COUNT(32, "chunk count", false),
    LENGTH_MATCH(33, "Content-Length match", false),
    BODILESS_STATUS(34, "bodiless status", false),
    WRITE(35, "write()", true),
    CHUNK_PER_CHUNK(36, "chunk per chunk", false),
    READ_TO_END(37, "read to end", false),
    INPUT_READS(38, "input reads", true),
    STREAM_CLOSE(39, "stream close", true),
    ERRORS_WRITES(40, "errors writes", true);

    private final int number;
    private final String title;
    private final boolean error;

    Rule(int number, String title, boolean error) {
        this.number = number;
        this.title = title;
        this.error = error;
    }

    int number() {
        return number;
    }

    boolean error() {
        return error;
    }

    /** The full message: {@code Gateway rule N (title): detail}. */
    String message(String detail) {
        return "Gateway rule " + number + " (" + title + "): " + detail;
    }

    /** Sends the message of a breach of this warning rule to a sink. */
    void warn(java.util.function.Consumer<String> sink, String detail) {
        sink.accept(message(detail));
    }

    /** The exception for a breach of this rule. */
    GatewayViolation violation(String detail) {
        return new GatewayViolation(number, message(detail));
    }
}
