package dev.carafe.routing;

/**
 * {@link Router#build} could not write a URL: no such endpoint, a missing or invalid value, or no
 * rule for the method. The message says which and how to fix it, e.g.
 * {@code Cannot build a URL for endpoint 'user_show': no such endpoint. Did you mean 'users.show'?}
 */
public final class UrlBuildException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The endpoint that was asked for. */
    private final String endpoint;

    UrlBuildException(String endpoint, String message) {
        super(message);
        this.endpoint = endpoint;
    }

    /**
     * The endpoint the URL was asked for.
     *
     * @return e.g. {@code users.show}
     */
    public String endpoint() {
        return endpoint;
    }
}
