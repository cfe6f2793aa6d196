package dev.carafe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed {@code Accept} header (RFC 9110 §12.5.1) and content negotiation against the types a
 * handler can produce.
 *
 * <p>The quality of an offered type is the {@code q} of the most specific range that matches it:
 * {@code text/html;level=1} beats {@code text/html} beats {@code text/*} beats {@code *}{@code /*}, so
 * {@code text/*, text/html;q=0} accepts {@code text/plain} but not {@code text/html}. {@code q=0}
 * means "not acceptable". {@link #bestMatch} picks the offered type with the highest quality, then
 * the one matched by the more specific range, then the one offered first.
 *
 * <p>An absent or empty header accepts anything, so the first offered type wins. Ranges that are
 * malformed (a bad media range or a {@code q} that is not 0 to 1 with up to three decimals) are
 * skipped; if none is left the header counts as absent.
 *
 * <pre>{@code
 * app.get("/report", request -> switch (request.accept().bestMatch("text/html", "text/csv").orElse("")) {
 *     case "text/csv" -> Response.bytes(csv(), "text/csv; charset=utf-8");
 *     case "text/html" -> Response.html(page());
 *     default -> throw HttpError.abort(406);      // or answer with the first type anyway
 * });
 * }</pre>
 *
 * <p>Werkzeug's {@code request.accept_mimetypes}; {@link Request#accept()} gives it.
 */
public final class AcceptHeader {

    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
    private static final AcceptHeader ANY = new AcceptHeader(List.of(new Range("*", "*", Map.of(), 1.0)));

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Returns the header of a request without {@code Accept}: everything is acceptable. */
    static AcceptHeader any() {
        return ANY;
    }

    /** Parses an {@code Accept} header value; blank means absent. */
    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        for (String element : HeaderParameters.splitList(header)) {
            Optional<MediaType> parsed = MediaType.tryParse(element);
            if (parsed.isEmpty() || (parsed.get().type().equals("*") && !parsed.get().subtype().equals("*"))) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            String q = "1";
            for (Map.Entry<String, String> parameter : parsed.get().parameters().entrySet()) {
                if (parameter.getKey().equals("q")) {
                    q = parameter.getValue();
                    break;
                }
                parameters.put(parameter.getKey(), parameter.getValue());
            }
            if (QVALUE.matcher(q).matches()) {
                ranges.add(new Range(parsed.get().type(), parsed.get().subtype(), Map.copyOf(parameters),
                        Double.parseDouble(q)));
            }
        }
        return ranges.isEmpty() ? ANY : new AcceptHeader(List.copyOf(ranges));
    }

    /**
     * Returns the quality of a type the server can produce: the {@code q} of the most specific
     * matching range, or 0 if no range matches.
     *
     * @param type a media type, for example {@code application/json}
     * @return the quality, from 0 (not acceptable) to 1
     * @throws IllegalArgumentException if the type is not a media type
     */
    public double quality(String type) {
        return match(MediaType.parse(type)).map(Range::q).orElse(0.0);
    }

    /**
     * Returns the acceptable offered type with the highest quality; ties go to the more specific
     * match, then to the earlier offer.
     *
     * @param offered the types the server can produce, in its order of preference
     * @return the best type, or empty if the client accepts none of them (answer 406 or a default)
     * @throws IllegalArgumentException if an offered type is not a media type
     */
    Optional<String> bestMatch(List<String> offered) {
        return bestOf(offered);
    }

    /**
     * Returns the acceptable offered type with the highest quality, as {@link #bestMatch(List)} does.
     *
     * @param offered the types the handler can produce, in its order of preference
     * @return the best type, or empty if the client accepts none of them
     * @throws IllegalArgumentException if an offered type is not a media type
     */
    public Optional<String> bestMatch(String... offered) {
        return bestOf(List.of(offered));
    }

    private Optional<String> bestOf(List<String> offered) {
        String best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        for (String type : offered) {
            Optional<Range> range = match(MediaType.parse(type));
            if (range.isEmpty() || range.get().q() <= 0) {
                continue;
            }
            double q = range.get().q();
            int specificity = range.get().specificity();
            if (q > bestQuality || (q == bestQuality && specificity > bestSpecificity)) {
                best = type;
                bestQuality = q;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Range> match(MediaType type) {
        Range best = null;
        for (Range range : ranges) {
            if (range.matches(type) && (best == null || range.specificity() > best.specificity())) {
                best = range;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Shows the ranges in order with their qualities. */
    @Override
    public String toString() {
        return ranges.toString();
    }

    /** One media range with its quality. */
    private record Range(String type, String subtype, Map<String, String> parameters, double q) {

        boolean matches(MediaType offered) {
            if (!type.equals("*") && !type.equals(offered.type())) {
                return false;
            }
            if (!subtype.equals("*") && !subtype.equals(offered.subtype())) {
                return false;
            }
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                String value = offered.parameters().get(parameter.getKey());
                if (value == null || !value.equalsIgnoreCase(parameter.getValue())) {
                    return false;
                }
            }
            return true;
        }

        /** {@code *}{@code /*} is 0, {@code type/*} 1, {@code type/subtype} 2, plus one per parameter. */
        int specificity() {
            return (type.equals("*") ? 0 : 1) + (subtype.equals("*") ? 0 : 1) + parameters.size();
        }
    }
}
