package dev.carafe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered map from names to one or more string values: the query arguments, the
 * form fields and the cookies of a request (Werkzeug's {@code ImmutableMultiDict}).
 *
 * <p>Names keep the order of their first occurrence and values the order in which they arrived.
 * {@link #first} reads an optional value, {@link #get} a required one: a missing name throws
 * {@link MissingKey}, which the App answers with 400 Bad Request, as Flask does for
 * {@code request.form["title"]}.
 *
 * <pre>{@code
 * MultiMap args = MultiMap.of("tag", "java", "tag", "web", "page", "2");
 * args.get("page");            // "2"
 * args.all("tag");             // [java, web]
 * args.first("sort");          // Optional.empty()
 * }</pre>
 *
 * <p>Each map carries a source label ({@code "form"}, {@code "query"}, {@code "cookies"}) used
 * only in the message of {@link MissingKey}.
 */
public final class MultiMap {

    private static final MultiMap EMPTY = new MultiMap("map", Map.of());

    private final String source;
    private final Map<String, List<String>> values;

    private MultiMap(String source, Map<String, List<String>> values) {
        this.source = source;
        this.values = values;
    }

    /**
     * Returns an empty map labelled {@code "map"}.
     *
     * @return the empty map
     */
    public static MultiMap empty() {
        return EMPTY;
    }

    /**
     * Returns an empty map whose {@link MissingKey} messages name the given source.
     *
     * @param source where the values come from, for example {@code "form"}
     * @return an empty map
     */
    public static MultiMap empty(String source) {
        return builder(source).build();
    }

    /**
     * Returns a map of the given name/value pairs, in order; a name may repeat.
     *
     * @param namesAndValues {@code name1, value1, name2, value2, ...}
     * @return the map, labelled {@code "map"}
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static MultiMap of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("MultiMap.of takes name/value pairs, but got "
                    + namesAndValues.length + " strings; the last name has no value: '"
                    + namesAndValues[namesAndValues.length - 1] + "'");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /**
     * Starts a map labelled {@code "map"}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return builder("map");
    }

    /**
     * Starts a map whose {@link MissingKey} messages name the given source.
     *
     * @param source where the values come from: {@code "form"}, {@code "query"}, {@code "cookies"}
     * @return a new builder
     */
    public static Builder builder(String source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /**
     * Returns the first value of a name.
     *
     * @param name the name
     * @return the first value, or empty if the name is absent
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Returns the first value of a name that must be present.
     *
     * @param name the name
     * @return the first value
     * @throws MissingKey if the name is absent; the App answers it with 400 Bad Request
     */
    public String get(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            throw new MissingKey(name, source, values.keySet());
        }
        return list.get(0);
    }

    /**
     * Returns every value of a name, in arrival order.
     *
     * @param name the name
     * @return the values, empty if the name is absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Returns the names in the order of their first occurrence.
     *
     * @return the names
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Returns the whole map: names in order, each with its values in order.
     *
     * @return an unmodifiable view
     */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /**
     * Tells whether a name is present.
     *
     * @param name the name
     * @return true if it has at least one value
     */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * Returns the number of distinct names.
     *
     * @return the number of names
     */
    public int size() {
        return values.size();
    }

    /**
     * Tells whether there are no names.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Two maps are equal when they hold the same names with the same values in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MultiMap that && List.copyOf(values.entrySet()).equals(List.copyOf(that.values.entrySet()));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Shows the source and the values, for example {@code form{title=[Hello], tag=[a, b]}}. */
    @Override
    public String toString() {
        return source + values;
    }

    /** Collects name/value pairs for an immutable {@link MultiMap}; not thread-safe. */
    public static final class Builder {

        private final String source;
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder(String source) {
            this.source = source;
        }

        /**
         * Appends a value to a name.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         * @throws NullPointerException if the name or the value is {@code null}
         */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of '" + name + "'");
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        /**
         * Builds the map; the builder may be used further without affecting it.
         *
         * @return the immutable map
         */
        public MultiMap build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new MultiMap(source, Collections.unmodifiableMap(copy));
        }
    }

    /**
     * Thrown by {@link MultiMap#get} for an absent name; the App answers it with 400 Bad Request.
     * The message names the key, the keys the request did have, and the way out, for example
     * {@code Missing key 'title' in the form; the request had keys [body]. Send the field, or use
     * first("title") to make it optional.}
     */
    public static final class MissingKey extends NoSuchElementException {

        private final String key;

        MissingKey(String key, String source, Set<String> present) {
            super("Missing key '" + key + "' in the " + source + "; the request had "
                    + (present.isEmpty() ? "no keys" : "keys " + present) + ". Send the " + noun(source)
                    + ", or use first(\"" + key + "\") to make it optional.");
            this.key = key;
        }

        /**
         * Returns the name that was absent.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        private static String noun(String source) {
            return switch (source) {
                case "form" -> "field";
                case "query" -> "parameter";
                case "cookies" -> "cookie";
                case "headers" -> "header";
                default -> "key";
            };
        }
    }
}
