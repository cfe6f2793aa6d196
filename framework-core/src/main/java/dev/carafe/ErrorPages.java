package dev.carafe;

import dev.carafe.gateway.Header;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default body of an error response, chosen from the request's {@code Accept} header: a small
 * HTML page for browsers, an RFC 9457 {@code application/problem+json} document for API clients;
 * either way with {@code Vary: Accept}.
 */
final class ErrorPages {

    /** The media type of RFC 9457 problem details. */
    static final String PROBLEM_JSON = "application/problem+json";

    /** What the App can answer errors with, in its order of preference for ties. */
    private static final List<String> OFFERED = List.of("text/html", PROBLEM_JSON, "application/json");

    private ErrorPages() {
    }

    /**
     * The default response for an error.
     *
     * @param request the request, for its {@code Accept} header
     * @param error the error
     * @param json the App's JSON codec
     * @return the response with the error's status and headers
     */
    static Response response(Request request, HttpError error, JsonCodec json) {
        Response response = wantsJson(request)
                ? Response.bytes(problem(error, json), PROBLEM_JSON).withStatus(error.status())
                : Response.html(html(error)).withStatus(error.status());
        for (Header header : error.headers()) {
            response = response.withHeader(header.name(), header.value());
        }
        // The body depends on Accept: a cache must not give the JSON page to a browser.
        return Vary.on(response, "Accept");
    }

    /** Whether the request's {@code Accept} header prefers JSON to HTML (no header: HTML). */
    static boolean wantsJson(Request request) {
        String accept = request.header("Accept").orElse("");
        return !accept.isEmpty() && !AcceptHeader.parse(accept).bestMatch(OFFERED).map("text/html"::equals).orElse(true);
    }

    /**
     * The HTML page: {@code <title>404 Not Found</title><h1>Not Found</h1><p>…</p>}, the
     * description escaped.
     */
    static String html(HttpError error) {
        String description = escape(error.descriptionOrDefault());
        String paragraph = error.status() == 500 && description.contains("\n")
                ? "<pre>" + description + "</pre>" : "<p>" + description + "</p>";
        return "<!doctype html>\n<html lang=en>\n<title>" + error.status() + " " + escape(error.title()) + "</title>\n"
                + "<h1>" + escape(error.title()) + "</h1>\n" + paragraph + "\n";
    }

    /** The RFC 9457 document: {@code type}, {@code title}, {@code status}, {@code detail}. */
    static byte[] problem(HttpError error, JsonCodec json) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", error.title());
        problem.put("status", error.status());
        problem.put("detail", error.descriptionOrDefault());
        return json.write(problem);
    }

    /** The description of a 500 on the debug page of a JSON client: the exception and its stack trace. */
    static String debugDescription(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }

    private static String escape(String text) {
        return Redirects.escape(text);
    }
}
