package dev.carafe;

import java.lang.System.Logger.Level;

/** Warns about {@code Set-Cookie} headers larger than browsers are known to keep. */
final class CookieSize {

    /** The largest header browsers reliably accept, as Werkzeug's {@code max_size}. */
    static final int LIMIT = 4093;

    private static final System.Logger LOG = AppLog.logger();

    private CookieSize() {
    }

    /** Returns the header value, after logging a warning if it is longer than {@link #LIMIT}. */
    static String checked(Cookie cookie, String headerValue) {
        if (headerValue.length() > LIMIT) {
            LOG.log(Level.WARNING, () -> "Set-Cookie for cookie '" + cookie.name() + "' is " + headerValue.length()
                    + " bytes (the value " + CookieText.quoted(cookie.value()).length() + "), above the " + LIMIT
                    + " bytes browsers are known to keep; a browser may drop it without a word. Keep less in the"
                    + " cookie, for example an id, with the data stored on the server." + RequestContext.find()
                    .map(context -> " (" + AppLog.requestLine(context.request().environ()) + ")").orElse(""));
        }
        return headerValue;
    }
}
