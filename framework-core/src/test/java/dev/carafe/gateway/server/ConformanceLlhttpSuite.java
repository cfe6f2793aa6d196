package dev.carafe.gateway.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads llhttp's request cases (Markdown: an HTML comment with the meta, a fenced {@code http} block,
 * a fenced {@code log} block) as {@link ConformanceVector}s. The log says what llhttp parsed; a line
 * with {@code error code=} means llhttp rejected the input there.
 */
final class ConformanceLlhttpSuite {

    /** The statuses that count as refusing a request llhttp rejects: llhttp does not say which one. */
    static final Set<Integer> REFUSALS = Set.of(400, 413, 414, 431, 501, 505);

    private static final Pattern META = Pattern.compile("^<!-- meta=(\\{.*}) -->$");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("error code=(\\d+) reason=\"(.*)\"");

    private ConformanceLlhttpSuite() {
    }

    /**
     * Loads every case of every file, skipped ones included (with their reason).
     *
     * @param root the {@code llhttp-request} folder
     * @return the cases in file-name order, then file order
     */
    static List<ConformanceVector> load(Path root) {
        List<ConformanceVector> vectors = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                vectors.addAll(cases(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the llhttp cases in " + root, e);
        }
        return vectors;
    }

    /**
     * Reads the cases of one Markdown file.
     *
     * @param file the file name, for ids and the skip rules
     * @param text the file's text
     * @return its cases
     */
    static List<ConformanceVector> cases(String file, String text) {
        List<ConformanceVector> vectors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String heading = file;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (i + 1 < lines.length && !line.isBlank() && lines[i + 1].matches("^[=-]{3,}$")) {
                heading = line.strip();
            }
            Matcher meta = META.matcher(line.strip());
            if (!meta.matches()) {
                continue;
            }
            int httpStart = fence(lines, i + 1, "```http");
            int httpEnd = fence(lines, httpStart + 1, "```");
            int logStart = fence(lines, httpEnd + 1, "```log");
            int logEnd = fence(lines, logStart + 1, "```");
            String http = String.join("\n", List.of(lines).subList(httpStart + 1, httpEnd)) + "\n";
            List<String> log = List.of(lines).subList(logStart + 1, logEnd);
            String id = file + "#" + (vectors.size() + 1);
            vectors.add(vector(file, id, heading, meta.group(1), ConformanceBytes.llhttp(http), log));
            i = logEnd;
        }
        return vectors;
    }

    private static ConformanceVector vector(String file, String id, String heading, String meta, byte[] bytes,
            List<String> log) {
        ConformanceLlhttpLog parsed = ConformanceLlhttpLog.parse(log, bytes);
        List<ConformanceRequest> complete = parsed.complete();
        Optional<Matcher> error = log.stream().map(ERROR::matcher).filter(Matcher::find).findFirst();
        ConformanceOutcome outcome;
        boolean endOfInput = false;
        if (error.isPresent()) {
            int code = Integer.parseInt(error.get().group(1));
            String reason = "llhttp error " + code + ": " + error.get().group(2);
            // llhttp rejects as soon as a byte is wrong; a server that reads whole heads can only judge a head
            // it has: when the input ends inside the failing head, closing at the end of input is a refusal too.
            boolean headEnds = occurrences(bytes, "\r\n\r\n") > complete.size();
            outcome = code == 5
                    ? new ConformanceOutcome.Refused(complete, Set.of(), true, reason)
                    : new ConformanceOutcome.Refused(complete, REFUSALS, !headEnds, reason);
            endOfInput = true;
        } else if (parsed.incomplete()) {
            outcome = new ConformanceOutcome.Refused(complete, Set.of(400), true,
                    "the input ends inside a request (llhttp reports no message complete)");
            endOfInput = true;
        } else {
            outcome = new ConformanceOutcome.Accepted(complete);
        }
        ConformanceVector vector = new ConformanceVector("llhttp", id, heading, bytes, outcome,
                ConformanceProfile.carafe(), endOfInput, Optional.empty(), Optional.empty());
        Matcher type = TYPE.matcher(meta);
        String kind = type.find() ? type.group(1) : "";
        if (file.startsWith("lenient-")) {
            return vector.skipped("llhttp lenient-* file (tests llhttp's opt-in leniency flags)");
        }
        if (!kind.equals("request")) {
            return vector.skipped("llhttp case type " + kind + " (only type request is in scope)");
        }
        if (meta.contains("\"pause\"")) {
            return vector.skipped("llhttp pausing case (tests llhttp's pause API, not parsing)");
        }
        if (meta.contains("\"skipBody\"")) {
            return vector.skipped("llhttp skipBody case (the harness tells llhttp to skip the body, "
                    + "which a request parser never does)");
        }
        if (error.isPresent() && error.get().group(1).equals("22") && !parsed.method().equals("CONNECT")) {
            return vector.skipped("llhttp Upgrade case (Carafe does not switch protocols; the bytes after "
                    + "the head belong to the upgraded protocol)");
        }
        return vector;
    }

    private static int occurrences(byte[] bytes, String text) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int count = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    private static int fence(String[] lines, int from, String opening) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals(opening)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No " + opening + " fence after line " + from);
    }
}
