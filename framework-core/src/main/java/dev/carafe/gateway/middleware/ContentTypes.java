package dev.carafe.gateway.middleware;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a file from its extension: a built-in table of the common web types,
 * extended or overridden per {@link StaticFiles}; textual types get {@code ; charset=utf-8}.
 */
final class ContentTypes {

    /** The type of a file whose extension is not in the table. */
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("jsonld", "application/ld+json"),
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"), Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("rss", "application/rss+xml"), Map.entry("atom", "application/atom+xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("wasm", "application/wasm"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"));

    private final Map<String, String> table;

    ContentTypes(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(BUILT_IN);
        merged.putAll(overrides);
        this.table = Map.copyOf(merged);
    }

    /** The full {@code Content-Type} value for a file name, charset included where it applies. */
    String of(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        String type = dot > slash + 1 ? table.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) : null;
        return withCharset(type == null ? UNKNOWN : type);
    }

    /** Adds {@code ; charset=utf-8} to text, JavaScript, JSON and XML types that have no parameters. */
    static String withCharset(String type) {
        if (type.indexOf(';') >= 0) {
            return type;
        }
        boolean textual = type.startsWith("text/") || type.endsWith("+json") || type.endsWith("+xml")
                || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript");
        return textual ? type + "; charset=utf-8" : type;
    }
}
