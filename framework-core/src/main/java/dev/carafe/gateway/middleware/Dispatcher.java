package dev.carafe.gateway.middleware;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.StartResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Mounts applications under path prefixes, as Werkzeug's {@code DispatcherMiddleware} does: a
 * request whose {@code PATH_INFO} is under a prefix goes to the application mounted there, with
 * the prefix moved from {@code PATH_INFO} to the end of {@code SCRIPT_NAME}; every other request
 * goes to the default application unchanged.
 *
 * <p>Prefixes match whole segments ({@code /api} matches {@code /api} and {@code /api/users}, not
 * {@code /apix}) and the longest matching prefix wins, so {@code /admin/tools} can be mounted
 * beside {@code /admin}. A request for exactly the prefix arrives with {@code PATH_INFO} {@code ""}.
 * Prefixes are compared with the decoded path: {@code /caf%C3%A9} matches the prefix
 * {@code /café}. Mounted applications may themselves be dispatchers.
 *
 * <pre>{@code
 * Application site = Dispatcher.builder()
 *         .mount("/api", api)
 *         .mount("/admin/tools", tools)
 *         .build(frontend);
 * }</pre>
 */
public final class Dispatcher implements Application, Lifespan {

    private record Mount(MountPrefix prefix, Application app) {
    }

    private final List<Mount> mounts;
    private final Application fallback;
    private final Lifespan lifespan;

    private Dispatcher(List<Mount> mounts, Application fallback) {
        this.mounts = mounts;
        this.fallback = fallback;
        List<Application> apps = new ArrayList<>();
        apps.add(fallback);
        mounts.forEach(mount -> apps.add(mount.app()));
        this.lifespan = Lifespan.of(apps.toArray(Application[]::new));
    }

    /**
     * Starts a dispatcher with no mounts.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String pathInfo = String.valueOf(environ.getOrDefault(Environ.PATH_INFO, ""));
        for (Mount mount : mounts) {
            Optional<String> rest = mount.prefix().match(pathInfo);
            if (rest.isPresent()) {
                String scriptName = String.valueOf(environ.getOrDefault(Environ.SCRIPT_NAME, ""));
                environ.put(Environ.SCRIPT_NAME, scriptName + mount.prefix().bytes());
                environ.put(Environ.PATH_INFO, rest.get());
                return mount.app().call(environ, startResponse);
            }
        }
        return fallback.call(environ, startResponse);
    }

    /**
     * Starts the default application, then each mounted one, that is a {@link Lifespan}; when one
     * fails, stops those already started and rethrows.
     *
     * @throws Exception what the failing application threw
     */
    @Override
    public void started() throws Exception {
        lifespan.started();
    }

    /**
     * Stops the mounted applications, then the default one, that are a {@link Lifespan}.
     *
     * @throws Exception the first failure, after every application was stopped
     */
    @Override
    public void stopping() throws Exception {
        lifespan.stopping();
    }

    /** Collects mounts and checks each prefix as it is added. */
    public static final class Builder {

        private final List<Mount> mounts = new ArrayList<>();

        private Builder() {
        }

        /**
         * Mounts an application under a prefix.
         *
         * @param prefix a path such as {@code /api}: it starts with {@code /}, does not end with
         *     {@code /}, has no empty, {@code .} or {@code ..} segment
         * @param app the application that serves every path under the prefix
         * @return this builder
         * @throws IllegalArgumentException if the prefix is malformed, is {@code /}, or is already mounted
         */
        public Builder mount(String prefix, Application app) {
            Objects.requireNonNull(app, () -> "application mounted at '" + prefix + "'");
            if ("/".equals(prefix)) {
                throw new IllegalArgumentException("Mount prefix '/' would catch every path; pass that application"
                        + " to build(...) as the default instead.");
            }
            MountPrefix parsed = MountPrefix.parse("Mount prefix", prefix);
            for (Mount mount : mounts) {
                if (mount.prefix().bytes().equals(parsed.bytes())) {
                    throw new IllegalArgumentException("Mount prefix '" + prefix + "' is already mounted; each"
                            + " prefix can be mounted once. Remove one of the two mount(\"" + prefix
                            + "\", ...) calls.");
                }
            }
            mounts.add(new Mount(parsed, app));
            return this;
        }

        /**
         * Builds the dispatcher.
         *
         * @param fallback the application for every path no prefix matches (for example the main
         *     site, or an application that answers 404)
         * @return the dispatcher; later changes to this builder do not affect it
         */
        public Dispatcher build(Application fallback) {
            Objects.requireNonNull(fallback, "default application");
            List<Mount> ordered = new ArrayList<>(mounts);
            ordered.sort(Comparator.comparingInt((Mount m) -> m.prefix().length()).reversed());
            return new Dispatcher(List.copyOf(ordered), fallback);
        }
    }
}
