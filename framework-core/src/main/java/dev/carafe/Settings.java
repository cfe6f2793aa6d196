package dev.carafe;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The App's settings, changed during setup only. Issue 6's configuration replaces the setters that fill it. */
final class Settings {

    boolean debug;
    boolean testing;
    /** {@code PROVIDE_AUTOMATIC_OPTIONS}: answer OPTIONS for rules that do not list it. */
    boolean automaticOptions = true;
    Optional<String> serverName = Optional.empty();
    String scheme = "http";
    /** {@code APPLICATION_ROOT} as a script name: {@code ""} for {@code /}, else without a trailing slash. */
    String applicationRoot = "";
    Optional<TrustedHosts> trustedHosts = Optional.empty();
    BodyLimits limits = BodyLimits.defaults();
    JsonCodec json = JsonCodec.defaults();
    Optional<SessionStore> sessions = Optional.empty();
    List<Path> debugSourceRoots = List.of(Path.of("src/main/java"));

    void serverName(String host, String urlScheme) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(urlScheme, "scheme");
        if (host.isBlank() || host.contains("/")) {
            throw new IllegalArgumentException("The server name '" + host + "' is not a host; give a host and an "
                    + "optional port, for example \"example.com\" or \"localhost:5000\".");
        }
        if (!urlScheme.equals("http") && !urlScheme.equals("https")) {
            throw new IllegalArgumentException("The URL scheme '" + urlScheme + "' is not supported; use \"http\" or "
                    + "\"https\".");
        }
        this.serverName = Optional.of(host);
        this.scheme = urlScheme;
    }
}
