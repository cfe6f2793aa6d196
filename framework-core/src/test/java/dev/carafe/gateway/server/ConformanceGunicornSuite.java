package dev.carafe.gateway.server;

import dev.carafe.gateway.server.ConformancePython.Bytes;
import dev.carafe.gateway.server.ConformancePython.Call;
import dev.carafe.gateway.server.ConformancePython.Name;
import dev.carafe.gateway.server.ConformancePython.Uri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads Gunicorn's request vectors ({@code valid/} and {@code invalid/}, each {@code NNN.http} with
 * its {@code NNN.py}) as {@link ConformanceVector}s, with Gunicorn's settings mapped to Carafe's.
 */
final class ConformanceGunicornSuite {

    /** Gunicorn's error classes and the status Carafe answers for each (the README's table). */
    static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("InvalidRequestLine", 400), Map.entry("InvalidRequestMethod", 400),
            Map.entry("InvalidHTTPVersion", 400), Map.entry("InvalidHeader", 400),
            Map.entry("InvalidHeaderName", 400), Map.entry("ObsoleteFolding", 400),
            Map.entry("InvalidChunkSize", 400), Map.entry("InvalidChunkExtension", 400),
            Map.entry("ChunkMissingTerminator", 400), Map.entry("InvalidSchemeHeaders", 400),
            Map.entry("LimitRequestHeaders", 431), Map.entry("LimitRequestLine", 414),
            Map.entry("UnsupportedTransferCoding", 501), Map.entry("ExpectationFailed", 417));

    /** The error class that means "the input ended": no response, the connection closes. */
    static final String NO_MORE_DATA = "NoMoreData";

    private ConformanceGunicornSuite() {
    }

    /**
     * Loads every vector of the suite.
     *
     * @param root the {@code gunicorn-requests} folder
     * @return the valid vectors, then the invalid ones, each in file-name order
     */
    static List<ConformanceVector> load(Path root) {
        List<ConformanceVector> vectors = new ArrayList<>();
        for (String kind : List.of("valid", "invalid")) {
            for (Path http : files(root.resolve(kind))) {
                String id = http.getFileName().toString().replaceFirst("\\.http$", "");
                Path py = http.resolveSibling(id + ".py");
                vectors.add(vector(kind, id, read(http), new String(read(py), StandardCharsets.UTF_8)));
            }
        }
        return vectors;
    }

    /**
     * Builds one vector from its two files.
     *
     * @param kind {@code valid} or {@code invalid}
     * @param id the file name without extension
     * @param http the {@code .http} file's bytes
     * @param py the {@code .py} file's text
     * @return the vector, skipped when it needs a Gunicorn setting Carafe does not have
     */
    static ConformanceVector vector(String kind, String id, byte[] http, String py) {
        ConformancePython.Module module = ConformancePython.read(py);
        Object request = module.variables().get("request");
        if (request == null) {
            throw new IllegalArgumentException(kind + "/" + id + ".py defines no 'request'.");
        }
        ConformanceOutcome outcome;
        // Gunicorn parses a finite input: an invalid vector's bytes are all there is.
        boolean endOfInput = false;
        if (kind.equals("valid")) {
            List<?> all = request instanceof List<?> list ? list : List.of(request);
            List<ConformanceRequest> requests = new ArrayList<>();
            for (Object one : all) {
                requests.add(request(kind + "/" + id, one));
            }
            outcome = new ConformanceOutcome.Accepted(requests);
        } else {
            String error = request instanceof Name name ? name.name() : String.valueOf(request);
            endOfInput = true;
            if (error.equals(NO_MORE_DATA)) {
                outcome = new ConformanceOutcome.Refused(List.of(), Set.of(), true, error);
            } else {
                Integer status = STATUS.get(error);
                outcome = new ConformanceOutcome.Refused(List.of(), status == null ? Set.of() : Set.of(status),
                        false, error);
            }
        }
        ConformanceVector vector = new ConformanceVector("gunicorn-" + kind, id, kind + "/" + id + ".http",
                ConformanceBytes.gunicorn(http), outcome, ConformanceProfile.gunicorn(), endOfInput,
                Optional.empty(), Optional.empty());
        List<Call> settings = module.calls().stream()
                .filter(c -> c.receiver().equals("cfg") && c.method().equals("set")).toList();
        return ConformanceGunicornSettings.apply(vector, settings);
    }

    private static ConformanceRequest request(String where, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": a request must be a dict, got " + value);
        }
        Object uri = map.get("uri");
        Object version = map.get("version");
        if (!(uri instanceof Uri target) || !(version instanceof List<?> v) || v.size() != 2) {
            throw new IllegalArgumentException(where + ": a request needs uri(...) and a (major, minor) version.");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Object header : (List<?>) map.get("headers")) {
            List<?> pair = (List<?>) header;
            headers.add(Map.entry((String) pair.get(0), (String) pair.get(1)));
        }
        Object body = map.get("body");
        byte[] bytes = body instanceof Bytes b ? b.value() : ((String) body).getBytes(StandardCharsets.ISO_8859_1);
        return new ConformanceRequest((String) map.get("method"), target.target(),
                "HTTP/" + v.get(0) + "." + v.get(1), List.copyOf(headers), bytes);
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the vectors in " + folder, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vector file " + file, e);
        }
    }
}
