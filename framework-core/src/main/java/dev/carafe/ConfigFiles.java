package dev.carafe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the files {@link Config} loads: {@code .properties} (UTF-8) and {@code .json}, from disk or the classpath. */
final class ConfigFiles {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigFiles() {
    }

    /** A file's entries, keys sorted; values are strings (properties) or JSON values, {@code null} for JSON null. */
    static Map<String, Object> read(Path file) {
        String where = "config file " + file;
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString(), where);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Cannot read " + where + ": there is no such file. Check the path (relative "
                    + "paths start at the working directory " + Path.of("").toAbsolutePath() + "), or use "
                    + "fromInstanceFolder to load config.properties or config.json only when present.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + where + ": " + e, e);
        }
    }

    /** A classpath resource's entries. */
    static Map<String, Object> readResource(String name, ClassLoader loader) {
        String where = "classpath resource '" + name + "'";
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("Cannot read " + where + ": it is not on the classpath. Put it "
                        + "under src/main/resources (or src/test/resources for tests) and give its path without a "
                        + "leading slash, for example \"config/app.properties\".");
            }
            return parse(in, name, where);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + where + ": " + e, e);
        }
    }

    /** Whether a file name has an extension the config can read. */
    static boolean readable(String name) {
        return name.endsWith(".properties") || name.endsWith(".json");
    }

    private static Map<String, Object> parse(InputStream in, String name, String where) throws IOException {
        if (name.endsWith(".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Object> entries = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
            return entries;
        }
        if (name.endsWith(".json")) {
            return jsonObject(in, where);
        }
        throw new IllegalArgumentException("Cannot read " + where + ": the config reads .properties and .json files; "
                + "rename it or convert it to one of those formats.");
    }

    private static Map<String, Object> jsonObject(InputStream in, String where) {
        Object value;
        try {
            value = JSON.readValue(in, Object.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new IllegalArgumentException("Cannot read " + where + ": it is not valid JSON" + position + ": "
                    + e.getOriginalMessage(), e);
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("Cannot read " + where + ": it must hold a JSON object of keys and "
                    + "values, such as {\"SECRET_KEY\": \"...\"}, but holds " + describe(value) + ".");
        }
        Map<String, Object> entries = new TreeMap<>();
        object.forEach((key, v) -> entries.put((String) key, immutable(v)));
        return entries;
    }

    /** Parses an environment value as JSON, as Flask's {@code from_prefixed_env}; a value that is not JSON stays a string. */
    static Object parseOrKeep(String text) {
        try {
            return immutable(JSON.readValue(text, Object.class));
        } catch (JacksonException e) {
            return text;
        }
    }

    /** Parses a JSON array held in a string. */
    static List<?> parseArray(String text) {
        try {
            Object value = JSON.readValue(text, Object.class);
            return value instanceof List<?> list ? (List<?>) immutable(list) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A deep, unmodifiable copy of a JSON value (maps keep their order; lists may hold nulls). */
    static Object immutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), immutable(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(immutable(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof List ? "an array" : "a single value (" + value + ")";
    }
}
