package dev.carafe.gateway.servlet;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.host.Hosting;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Hosts a gateway {@link Application} in any Jakarta Servlet 6 container (Jetty 12, Tomcat 11,
 * ...). Every method reaches the application, including ones {@link HttpServlet} does not know.
 *
 * <p>Embedded, pass the application: {@code new GatewayServlet(app)}. In a {@code web.xml}, name
 * it with the init parameter {@value #APPLICATION}: {@code com.example.Shop} (a class implementing
 * {@link Application} with a public no-argument constructor) or {@code com.example.Main:APP} (a
 * public static field, or public static no-argument method, holding the application).
 *
 * <p>{@code SCRIPT_NAME} is the context path plus, for a path mapping such as {@code /app/*}, the
 * servlet path; {@code PATH_INFO} is taken from the raw request URI, percent-decoded one char per
 * byte. Status and headers are set on the response only with the first non-empty chunk (or at the
 * end), each chunk is flushed, and {@code sendError} is never used.
 *
 * <p>What this host cannot do: set a reason phrase (Servlet 6 removed
 * {@code setStatus(int, String)}); choose the framing (the container chunks when no length is
 * known, and may add headers such as {@code Date} or {@code Server}); answer
 * {@code Expect: 100-continue} (the container does, when the application first reads); see
 * requests the container rejects before any servlet runs (for example an encoded {@code /},
 * unless the container is configured to allow it).
 */
public final class GatewayServlet extends HttpServlet {

    /** The init parameter that names the application: {@code CLASS} or {@code CLASS:MEMBER}. */
    public static final String APPLICATION = "application";

    private static final long serialVersionUID = 1L;

    private transient Application app;
    private transient PrintWriter errors;
    private transient boolean started;

    /** Creates a servlet that finds its application in the {@value #APPLICATION} init parameter. */
    public GatewayServlet() {
    }

    /**
     * Creates a servlet for an application.
     *
     * @param app the application; it may be called from several threads at once
     * @throws NullPointerException if {@code app} is {@code null}
     */
    public GatewayServlet(Application app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /**
     * Loads the application named by the {@value #APPLICATION} init parameter, unless one was
     * given to the constructor, and tells a {@link Lifespan} application that it starts. The
     * container calls it before the first request, or at deployment with {@code load-on-startup}.
     *
     * @throws ServletException if no application is named, the named one cannot be loaded, or its
     *     {@link Lifespan#started()} failed; the message says which and how to fix it
     */
    @Override
    public void init() throws ServletException {
        if (app == null) {
            List<ClassLoader> loaders = Stream.of(getServletContext().getClassLoader(),
                    Thread.currentThread().getContextClassLoader(), GatewayServlet.class.getClassLoader())
                    .filter(Objects::nonNull).distinct().toList();
            app = ApplicationLoader.load(getInitParameter(APPLICATION), loaders, getServletName());
        }
        errors = Hosting.errors(getServletContext()::log);
        try {
            Lifespan.start(app);
        } catch (Exception e) {
            throw new ServletException("The application of servlet '" + getServletName() + "' failed to start: " + e
                    + "; the servlet is unavailable.", e);
        }
        started = true;
    }

    /**
     * Tells a {@link Lifespan} application that it stopped: the container calls it when it takes
     * the servlet out of service, after the requests in flight have finished. A failure is logged.
     */
    @Override
    public void destroy() {
        if (started) {
            started = false;
            try {
                Lifespan.stop(app);
            } catch (Exception e) {
                getServletContext().log("The application of servlet '" + getServletName() + "' failed while stopping"
                        + " (Lifespan.stopping).", e);
            }
        }
    }

    /**
     * Runs the application for one request, whatever its method.
     *
     * @param request the request
     * @param response the response
     * @throws IOException if the response had to be aborted: the client went away, or the
     *     application failed after the response was committed
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Hosting.respond(app, ServletEnviron.of(request, errors), new ServletExchange(response, getServletContext()));
    }
}
