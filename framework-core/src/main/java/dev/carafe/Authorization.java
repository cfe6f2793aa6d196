package dev.carafe;

/**
 * The credentials of a request's {@code Authorization} header, Werkzeug's
 * {@code request.authorization}: {@link Basic} (RFC 7617), {@link Bearer} (RFC 6750), or any
 * other scheme as it came. {@link Request#authorization()} gives it.
 *
 * <pre>{@code
 * if (request.authorization().orElse(null) instanceof Authorization.Basic basic
 *         && users.check(basic.username(), basic.password())) {
 *     return "hello " + basic.username();
 * }
 * throw new HttpError.Unauthorized("Log in first.", "Basic realm=\"reports\"");
 * }</pre>
 */
public sealed interface Authorization {

    /** @return the scheme as the client wrote it, for example {@code Basic} */
    String scheme();

    /**
     * {@code Basic} credentials: the user name and password, decoded from base64 as UTF-8 (or as
     * ISO-8859-1 when they are not UTF-8, as older clients send them).
     *
     * @param scheme the scheme as written
     * @param username the user name, before the first colon
     * @param password the password, after it (may contain colons)
     */
    record Basic(String scheme, String username, String password) implements Authorization {

        /** Hides the password from logs and messages. */
        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    /**
     * {@code Bearer} credentials: a token, such as an OAuth access token.
     *
     * @param scheme the scheme as written
     * @param token the token
     */
    record Bearer(String scheme, String token) implements Authorization {

        /** Hides the token from logs and messages. */
        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /**
     * Credentials of another scheme, as they came.
     *
     * @param scheme the scheme, for example {@code Digest}
     * @param credentials everything after it, empty when nothing followed
     */
    record Other(String scheme, String credentials) implements Authorization {
    }
}
