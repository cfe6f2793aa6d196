package dev.carafe;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies the config keys the App uses today to its {@link Settings}: called once, when the App
 * freezes, so that every request sees one consistent set of settings.
 *
 * <ul>
 *   <li>{@code DEBUG}, {@code TESTING} → {@link Settings#debug}, {@link Settings#testing};</li>
 *   <li>{@code DEBUG_SOURCE_ROOTS} → where the debug page looks for source files;</li>
 *   <li>{@code SERVER_NAME} and {@code PREFERRED_URL_SCHEME} → the host and scheme of URLs built
 *       outside a request;</li>
 *   <li>{@code TRUSTED_HOSTS} → the hosts requests may name ({@link TrustedHosts}), absent: any;</li>
 *   <li>{@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE}, {@code MAX_FORM_PARTS} →
 *       {@link BodyLimits} (the spool threshold is kept).</li>
 * </ul>
 *
 * A value that does not fit fails with the key, the value and its source.
 */
final class ConfigSettings {

    private ConfigSettings() {
    }

    /**
     * Copies the keys into the settings.
     *
     * @throws IllegalArgumentException naming the key and the source of a value that does not fit
     */
    static void apply(Config config, Settings settings) {
        settings.debug = config.bool("DEBUG");
        settings.debugSourceRoots = sourceRoots(config);
        settings.testing = config.bool("TESTING");
        settings.automaticOptions = config.bool("PROVIDE_AUTOMATIC_OPTIONS");
        String scheme = config.string("PREFERRED_URL_SCHEME");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Config key 'PREFERRED_URL_SCHEME' has the value \"" + scheme
                    + "\" (from " + config.source("PREFERRED_URL_SCHEME").orElseThrow() + "), which is not a URL "
                    + "scheme Carafe builds; expected \"http\" or \"https\".");
        }
        settings.scheme = scheme;
        String root = config.string("APPLICATION_ROOT");
        if (!root.startsWith("/")) {
            throw new IllegalArgumentException("Config key 'APPLICATION_ROOT' has the value \"" + root + "\" (from "
                    + config.source("APPLICATION_ROOT").orElseThrow() + "), which is not a path; expected the path "
                    + "the App is mounted at, starting with \"/\", such as \"/\" or \"/blog\".");
        }
        settings.applicationRoot = root.replaceAll("/+$", "");
        settings.serverName = Optional.empty();
        Optional<String> host = config.optionalString("SERVER_NAME");
        if (host.isPresent()) {
            try {
                settings.serverName(host.get(), scheme);
            } catch (IllegalArgumentException e) {
                throw invalid(config, "SERVER_NAME", e);
            }
        }
        settings.trustedHosts = trustedHosts(config);
        settings.limits = limits(config, settings.limits);
    }

    /** {@code TRUSTED_HOSTS}: absent accepts every host, as Flask's {@code None}. */
    private static Optional<TrustedHosts> trustedHosts(Config config) {
        if (!config.contains("TRUSTED_HOSTS")) {
            return Optional.empty();
        }
        List<String> hosts = config.strings("TRUSTED_HOSTS");
        try {
            return Optional.of(TrustedHosts.parse(hosts));
        } catch (IllegalArgumentException e) {
            throw invalid(config, "TRUSTED_HOSTS", e);
        }
    }

    /** The body limits the config asks for, with the spool threshold of the given limits. */
    static BodyLimits limits(Config config, BodyLimits base) {
        OptionalLong maxContentLength = config.optionalLong("MAX_CONTENT_LENGTH");
        long maxFormMemorySize = config.longValue("MAX_FORM_MEMORY_SIZE");
        int maxFormParts = config.integer("MAX_FORM_PARTS");
        String key = "MAX_CONTENT_LENGTH";
        try {
            BodyLimits limits = base.withoutMaxContentLength();
            if (maxContentLength.isPresent()) {
                limits = limits.withMaxContentLength(maxContentLength.getAsLong());
            }
            key = "MAX_FORM_MEMORY_SIZE";
            limits = limits.withMaxFormMemorySize(maxFormMemorySize);
            key = "MAX_FORM_PARTS";
            return limits.withMaxFormParts(maxFormParts);
        } catch (IllegalArgumentException e) {
            throw invalid(config, key, e);
        }
    }

    /** {@code DEBUG_SOURCE_ROOTS}: directories, relative to the working directory or absolute. */
    private static List<Path> sourceRoots(Config config) {
        List<Path> roots = new ArrayList<>();
        for (String root : config.strings("DEBUG_SOURCE_ROOTS")) {
            try {
                roots.add(Path.of(root));
            } catch (InvalidPathException e) {
                throw invalid(config, "DEBUG_SOURCE_ROOTS", new IllegalArgumentException("'" + root + "' is not a "
                        + "path: " + e.getMessage() + "; give directories such as \"src/main/java\".", e));
            }
        }
        return List.copyOf(roots);
    }

    private static IllegalArgumentException invalid(Config config, String key, IllegalArgumentException cause) {
        return new IllegalArgumentException("Config key '" + key + "' (from " + config.source(key).orElseThrow()
                + ") is not usable: " + cause.getMessage(), cause);
    }
}
