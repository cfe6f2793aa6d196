package dev.carafe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An App's configuration, Flask's {@code app.config}: upper-case keys with values, filled in layers
 * during setup and read, typed, while serving.
 *
 * <pre>{@code
 * Config config = new Config()                       // built-in defaults: DEBUG false, ...
 *         .fromMap(Map.of("SECRET_KEY", "dev", "DATABASE", "flaskr.sqlite"))
 *         .fromInstanceFolder(InstanceFolder.inWorkingDirectory())   // config.properties / .json, if present
 *         .fromPrefixedEnv("FLASKR");                // FLASKR_DATABASE=/srv/flaskr.sqlite sets DATABASE
 * String database = config.string("DATABASE");
 * Duration lifetime = config.duration("PERMANENT_SESSION_LIFETIME");
 * }</pre>
 *
 * <p><b>Layers.</b> A new config holds the built-in keys (see {@code docs/config.md}); each load
 * or {@link #put} then sets keys over what is there, so a later call wins. The usual order is
 * defaults, code ({@link #fromMap}), files, the instance folder, the environment.
 *
 * <p><b>Upper-case keys only.</b> The loaders take only keys with no lower-case letter and at
 * least one upper-case one ({@code DATABASE}, {@code DB_2}); others are skipped without a word, so
 * a file may hold other data as well (Flask's rule, which Carafe also applies to the environment).
 * {@link #put} takes any key.
 *
 * <p><b>Sources.</b> Every value remembers where it came from ({@link #source}); a value that does
 * not fit a typed read fails with the key, the value, its source and the expected type. Values of
 * keys whose name contains {@code SECRET}, {@code PASSWORD} or {@code TOKEN} are never shown.
 *
 * <p><b>Threads.</b> Set the config up from one thread, then {@link #freeze} it (an App does at its
 * first request); reads are safe from any thread at any time, and writes after freezing fail.
 */
public final class Config {

    /** A stored value and where it came from. */
    private record Entry(Object value, String source) {
    }

    private volatile Map<String, Entry> entries;
    private volatile boolean frozen;
    private final Set<String> prefixes = new LinkedHashSet<>();

    /** Creates a config holding the built-in keys with their defaults. */
    public Config() {
        Map<String, Entry> defaults = new LinkedHashMap<>();
        ConfigDefaults.all().forEach((key, value) -> defaults.put(key, new Entry(value, ConfigDefaults.SOURCE)));
        entries = Collections.unmodifiableMap(defaults);
    }

    // ---- loading ---------------------------------------------------------------------------

    /**
     * Sets the upper-case keys of a map (Flask's {@code from_mapping}); a {@code null} value removes a key.
     *
     * @param values the keys and values
     * @return this config
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromMap(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return setAll("fromMap", new LinkedHashMap<>(values), "Config.fromMap");
    }

    /**
     * Sets the upper-case keys of a {@code .properties} file, read as UTF-8. Values stay strings;
     * the typed reads convert them ({@code MAX_FORM_PARTS=200} reads as the integer 200).
     *
     * @param file the file
     * @return this config
     * @throws java.io.UncheckedIOException when the file is missing or unreadable, naming it
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromProperties(Path file) {
        ConfigKeys.requireExtension(file, ".properties");
        return setAll("fromProperties(" + file + ")", ConfigFiles.read(file), "file " + file.toAbsolutePath());
    }

    /**
     * Sets the upper-case top-level keys of a {@code .json} file holding one object. Nested
     * objects stay maps (read them with {@link #map}), arrays become lists, {@code null} removes a key.
     *
     * @param file the file
     * @return this config
     * @throws java.io.UncheckedIOException when the file is missing or unreadable, naming it
     * @throws IllegalArgumentException when it is not a JSON object, with the line and column
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromJson(Path file) {
        ConfigKeys.requireExtension(file, ".json");
        return setAll("fromJson(" + file + ")", ConfigFiles.read(file), "file " + file.toAbsolutePath());
    }

    /**
     * Sets the upper-case keys of a classpath resource, a {@code .properties} or a {@code .json}
     * file by its name, looked up with the thread's context class loader (or Carafe's).
     *
     * @param name the resource path without a leading slash, for example {@code config/app.properties}
     * @return this config
     * @throws IllegalArgumentException when there is no such resource, or it is not .properties or .json
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, Object> values = ConfigFiles.readResource(name, loader != null ? loader
                : Config.class.getClassLoader());
        return setAll("fromResource(" + name + ")", values, "classpath resource " + name);
    }

    /**
     * Loads the instance folder's {@code config.properties} and then its {@code config.json}, each
     * only when present (flaskr's {@code from_pyfile("config.py", silent=True)}).
     *
     * @param folder the instance folder
     * @return this config
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromInstanceFolder(InstanceFolder folder) {
        checkWritable("fromInstanceFolder(" + folder.path() + ")");
        for (String name : List.of("config.properties", "config.json")) {
            Path file = folder.path().resolve(name);
            if (Files.isRegularFile(file)) {
                setAll("fromInstanceFolder(" + folder.path() + ")", ConfigFiles.read(file), "file " + file);
            }
        }
        return this;
    }

    /**
     * Sets keys from the process environment's variables {@code PREFIX_KEY} (Flask's
     * {@code from_prefixed_env}); see {@link #fromPrefixedEnv(String, Map)}.
     *
     * @param prefix the upper-case prefix without its underscore, for example {@code FLASKR}
     * @return this config
     */
    public Config fromPrefixedEnv(String prefix) {
        return fromPrefixedEnv(prefix, System.getenv());
    }

    /**
     * Sets keys from variables named {@code PREFIX_KEY}, in sorted order: {@code FLASKR_DATABASE}
     * sets {@code DATABASE}. A value is parsed as JSON when it is JSON ({@code "5"} is the number 5,
     * {@code "true"} a boolean, {@code "[1,2]"} a list, {@code "null"} removes the key), else it is
     * kept as a string. A double underscore sets a key inside a map: {@code FLASKR_DB__HOST} sets
     * {@code HOST} in the map {@code DB}, creating it if needed.
     *
     * @param prefix the upper-case prefix without its underscore
     * @param environment the variables, for example {@code System.getenv()} or a test's map
     * @return this config
     * @throws IllegalArgumentException for a blank or lower-case prefix, or a {@code __} variable
     *     reaching into a key that is not a map
     * @throws IllegalStateException when the config is frozen
     */
    public Config fromPrefixedEnv(String prefix, Map<String, String> environment) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(environment, "environment");
        List<ConfigEnv.Assignment> assignments = ConfigEnv.assignments(prefix, environment);
        update("fromPrefixedEnv(\"" + prefix + "\")", map -> {
            prefixes.add(prefix);
            for (ConfigEnv.Assignment assignment : assignments) {
                String key = assignment.path().get(0);
                Entry current = map.get(key);
                Object value = ConfigEnv.nested(current == null ? null : current.value(), assignment,
                        current == null ? "" : current.source());
                store(map, key, value, "environment variable " + assignment.variable());
            }
        });
        return this;
    }

    /**
     * Sets one key to a value, whatever the key's case.
     *
     * @param key the key
     * @param value the value, not null (use {@link #remove} to unset a key)
     * @return this config
     * @throws IllegalStateException when the config is frozen
     */
    public Config put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            throw new NullPointerException("Config value for '" + key + "' is null; use remove(\"" + key
                    + "\") to unset a key.");
        }
        update("put(\"" + key + "\")", map -> map.put(key, new Entry(value, "Config.put")));
        return this;
    }

    /**
     * Unsets a key, so that it is absent (as {@code SECRET_KEY} is by default).
     *
     * @param key the key
     * @return this config
     * @throws IllegalStateException when the config is frozen
     */
    public Config remove(String key) {
        update("remove(\"" + key + "\")", map -> map.remove(key));
        return this;
    }

    /**
     * Ends setup: every later write throws {@link IllegalStateException}. Idempotent. An App freezes
     * its config at its first request.
     *
     * @return this config
     */
    public synchronized Config freeze() {
        frozen = true;
        return this;
    }

    /** @return true once {@link #freeze} was called */
    public boolean frozen() {
        return frozen;
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * @param key a key
     * @return whether the key has a value
     */
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** @return the keys that have a value, in the order they were first set */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** @return every key and value, a snapshot in the order of {@link #keys()} */
    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        entries.forEach((key, entry) -> values.put(key, entry.value()));
        return Collections.unmodifiableMap(values);
    }

    /**
     * Where a key's value came from: {@code the built-in default}, {@code Config.fromMap},
     * {@code Config.put}, {@code file /srv/app/instance/config.json},
     * {@code classpath resource app.properties} or {@code environment variable FLASKR_DATABASE}.
     *
     * @param key the key
     * @return the source, empty when the key has no value
     */
    public Optional<String> source(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::source);
    }

    /**
     * Returns a key's value as it is stored.
     *
     * @param key the key
     * @return the value
     * @throws MissingKey when the key has no value, saying where it could be set
     */
    public Object require(String key) {
        return entry(key).value();
    }

    /**
     * @param key the key
     * @return the value as stored, empty when the key has no value
     */
    public Optional<Object> optional(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    /**
     * Returns a value as text: strings as they are, numbers and booleans as their text.
     *
     * @param key the key
     * @return the text
     * @throws MissingKey when absent
     * @throws IllegalArgumentException when the value is a list or a map
     */
    public String string(String key) {
        return values(key).string();
    }

    /**
     * Returns an {@code int}: a whole number, or a string holding one ({@code "200"}).
     *
     * @param key the key
     * @return the number
     * @throws MissingKey when absent
     * @throws IllegalArgumentException when the value is not a whole number in the {@code int} range
     */
    public int integer(String key) {
        return values(key).integer();
    }

    /**
     * Returns a {@code long}: a whole number, or a string holding one.
     *
     * @param key the key
     * @return the number
     * @throws MissingKey when absent
     * @throws IllegalArgumentException when the value is not a whole number in the {@code long} range
     */
    public long longValue(String key) {
        return values(key).longValue();
    }

    /**
     * Returns a boolean: {@code true}/{@code false}, the numbers 1/0, or the strings
     * {@code "true"}/{@code "false"} (any case) and {@code "1"}/{@code "0"}.
     *
     * @param key the key
     * @return the boolean
     * @throws MissingKey when absent
     * @throws IllegalArgumentException for any other value
     */
    public boolean bool(String key) {
        return values(key).bool();
    }

    /**
     * Returns a duration: a {@link Duration}, a number of seconds ({@code 2678400}, {@code "1.5"}),
     * a whole number with a unit ({@code "500ms"}, {@code "30s"}, {@code "5m"}, {@code "2h"},
     * {@code "31d"}) or ISO-8601 ({@code "PT30M"}, {@code "P31D"}).
     *
     * @param key the key
     * @return the duration
     * @throws MissingKey when absent
     * @throws IllegalArgumentException for any other value
     */
    public Duration duration(String key) {
        return values(key).duration();
    }

    /**
     * Returns a list: a list value, a string holding a JSON array ({@code "[1, 2]"}), or a string of
     * comma-separated items ({@code "a, b"}, trimmed; an empty string is an empty list).
     *
     * @param key the key
     * @return an unmodifiable list
     * @throws MissingKey when absent
     * @throws IllegalArgumentException for any other value
     */
    public List<Object> list(String key) {
        return values(key).list();
    }

    /**
     * Returns a list read as by {@link #list} whose items are single values, as text
     * ({@code SECRET_KEY_FALLBACKS}).
     *
     * @param key the key
     * @return an unmodifiable list
     * @throws MissingKey when absent
     * @throws IllegalArgumentException when it is not a list, or an item is a list, a map or null
     */
    public List<String> strings(String key) {
        return values(key).strings();
    }

    /**
     * Returns a map: a JSON object, or the map {@code PREFIX_KEY__NAME} variables made.
     *
     * @param key the key
     * @return an unmodifiable map
     * @throws MissingKey when absent
     * @throws IllegalArgumentException for any other value
     */
    public Map<String, Object> map(String key) {
        return values(key).map();
    }

    /** @return the value of {@code key} as by {@link #string}, empty when absent */
    public Optional<String> optionalString(String key) {
        return contains(key) ? Optional.of(string(key)) : Optional.empty();
    }

    /** @return the value of {@code key} as by {@link #longValue}, empty when absent */
    public OptionalLong optionalLong(String key) {
        return contains(key) ? OptionalLong.of(longValue(key)) : OptionalLong.empty();
    }

    /** @return the value of {@code key} as by {@link #bool}, empty when absent */
    public Optional<Boolean> optionalBool(String key) {
        return contains(key) ? Optional.of(bool(key)) : Optional.empty();
    }

    /** @return the value of {@code key} as by {@link #duration}, empty when absent */
    public Optional<Duration> optionalDuration(String key) {
        return contains(key) ? Optional.of(duration(key)) : Optional.empty();
    }

    /**
     * Returns the keys starting with a prefix, the prefix trimmed (Flask's {@code get_namespace},
     * without lower-casing): with {@code IMAGE_STORE_PATH} set, {@code namespace("IMAGE_STORE_")}
     * holds {@code PATH}.
     *
     * @param prefix the prefix, usually ending with {@code _}
     * @return an unmodifiable map in the order of {@link #keys()}
     */
    public Map<String, Object> namespace(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Map<String, Object> values = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                values.put(key.substring(prefix.length()), entry.value());
            }
        });
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "Config" + entries.keySet() + (frozen ? " (frozen)" : "");
    }

    /**
     * A required key without a value; the message says how to set it.
     */
    public static final class MissingKey extends NoSuchElementException {

        private static final long serialVersionUID = 1L;

        /** The key. */
        private final String key;

        MissingKey(String key, String message) {
            super(message);
            this.key = key;
        }

        /** @return the key that has no value */
        public String key() {
            return key;
        }
    }

    // ---- internals -------------------------------------------------------------------------

    private ConfigValues values(String key) {
        Entry entry = entry(key);
        return new ConfigValues(key, entry.value(), entry.source());
    }

    private synchronized String missingMessage(String key) {
        return ConfigKeys.missingMessage(key, List.copyOf(prefixes));
    }

    private Entry entry(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new MissingKey(key, missingMessage(key));
        }
        return entry;
    }

    private Config setAll(String action, Map<String, Object> values, String source) {
        update(action, map -> values.forEach((key, value) -> {
            if (ConfigKeys.upperCase(key)) {
                store(map, key, value, source);
            }
        }));
        return this;
    }

    private static void store(Map<String, Entry> map, String key, Object value, String source) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, new Entry(value, source));
        }
    }

    private synchronized void update(String action, Consumer<Map<String, Entry>> change) {
        checkWritable(action);
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        change.accept(copy);
        entries = Collections.unmodifiableMap(copy);
    }

    private synchronized void checkWritable(String action) {
        if (frozen) {
            throw new IllegalStateException("The config can no longer be changed (" + action + "): setup is over, "
                    + "and the config was frozen (an App freezes it at its first request, app.run() or "
                    + "app.urlFor(...)). Set every key during setup, before the App serves.");
        }
    }
}
