package dev.carafe.routing;

import java.util.Objects;

/**
 * {@link Router#build} could not write a URL. {@link #reason()} says why, for code that reacts to
 * one case (a template's {@code url_for('static', ...)} falling back when there is no such
 * endpoint); the message says which value or rule and how to fix it, e.g.
 * {@code Cannot build a URL for endpoint 'user_show': no such endpoint. Did you mean 'users.show'?}
 */
public final class UrlBuildException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a URL could not be built. */
    public enum Reason {
        /** No rule and no alias has the endpoint. */
        NO_SUCH_ENDPOINT,
        /** Every rule of the endpoint needs a variable the values do not give. */
        MISSING_VALUE,
        /** A value does not fit its variable's converter (wrong type, out of range, a {@code /} in a string). */
        BAD_VALUE,
        /** No rule of the endpoint accepts the method asked for. */
        WRONG_METHOD,
        /** A value differs from a rule's default and no other rule of the endpoint takes it. */
        DEFAULT_MISMATCH,
        /** An external URL was asked for, but no host is known. */
        NO_HOST
    }

    /** The endpoint that was asked for. */
    private final String endpoint;
    /** Why building failed. */
    private final Reason reason;

    UrlBuildException(String endpoint, Reason reason, String message) {
        super(message);
        this.endpoint = endpoint;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The endpoint the URL was asked for.
     *
     * @return e.g. {@code users.show}
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Why the URL could not be built.
     *
     * @return e.g. {@link Reason#NO_SUCH_ENDPOINT}
     */
    public Reason reason() {
        return reason;
    }
}
