package dev.carafe.gateway.host;

import java.io.IOException;

/**
 * The host could not send: the client went away. Wraps the host's own exception so that
 * {@link Hosting#respond} can tell a disconnect from an application failure, and hand the
 * original back to the host.
 */
final class ClientGone extends IOException {

    private static final long serialVersionUID = 1L;

    ClientGone(IOException cause) {
        super("The client went away: " + cause.getMessage(), cause);
    }

    IOException original() {
        return (IOException) getCause();
    }

    /** Finds a disconnect in a failure or in its causes (an application may wrap the writer's exception). */
    static ClientGone in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientGone gone) {
                return gone;
            }
        }
        return null;
    }
}
