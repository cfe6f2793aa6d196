package dev.carafe;

/**
 * Where an App keeps sessions between requests, Flask's {@code SessionInterface}: it loads the
 * client's session when a request first uses it, and saves it with the response. Signed-cookie
 * sessions (issue 6) are one store; a server-side store keeps an id in a cookie and the data in a
 * database.
 *
 * <pre>{@code
 * app.sessionStore(new SessionStore() {
 *     public Session open(Request request) {
 *         return request.cookie("sid").flatMap(db::load).map(Session::of).orElseGet(() -> Session.of(Map.of()));
 *     }
 *     public Response save(Request request, Session session, Response response) {
 *         return session.modified() ? response.withCookie(db.store(session.asMap())) : response;
 *     }
 * });
 * }</pre>
 *
 * <p>A store is called from many threads at once and must be thread-safe.
 */
public interface SessionStore {

    /**
     * Loads the session of the client that sent a request; called on the first use of
     * {@link Request#session()}.
     *
     * @param request the request
     * @return the session, an empty one ({@code Session.of(Map.of())}) for a new client
     */
    Session open(Request request);

    /**
     * Saves a session with the response, after the after-request functions ran; called only when
     * the request opened the session.
     *
     * @param request the request
     * @param session the session as the request left it (see {@link Session#modified()})
     * @param response the response so far
     * @return the response to send, for example with a {@code Set-Cookie} header added
     */
    Response save(Request request, Session session, Response response);

    /**
     * Tells whether the App should open and save the session of a request whose handler never
     * used it. A store that re-sends its cookie on every request (Flask's
     * {@code SESSION_REFRESH_EACH_REQUEST} for permanent sessions) says yes when the request
     * carries its cookie.
     *
     * @param request the request, after its handler and after-request functions ran
     * @return false by default: unused sessions are neither opened nor saved
     */
    default boolean saveWhenUnused(Request request) {
        return false;
    }
}
