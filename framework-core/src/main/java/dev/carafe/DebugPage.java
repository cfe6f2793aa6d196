package dev.carafe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The page an uncaught exception gets in debug mode when the client is on this machine
 * ({@link LocalClient}): the exception chain with each stack trace, the source lines around the
 * first frame of each exception whose source file is found ({@link SourceLines}), and the request
 * (method, URL, endpoint, headers with credentials hidden, form field names). Every value is
 * HTML-escaped.
 */
final class DebugPage {

    /** Request headers whose values the page never shows. */
    private static final Set<String> HIDDEN = Set.of("cookie", "authorization", "proxy-authorization");

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{color:#a00;margin-bottom:.2em}
            pre{background:#f6f6f6;padding:.6em;overflow-x:auto}.note{color:#555}.current{background:#fdd}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;
            vertical-align:top}.source{border-left:4px solid #a00;padding-left:.5em}""";

    private DebugPage() {
    }

    /**
     * The response: this page for clients that prefer HTML, a problem document whose detail is
     * the stack trace for clients that prefer JSON.
     *
     * @param request the request that failed
     * @param error the exception no handler answered
     * @param settings the App's settings: the JSON codec and the source roots
     * @return a 500 response
     */
    static Response response(Request request, Throwable error, Settings settings) {
        if (ErrorPages.wantsJson(request)) {
            return ErrorPages.response(request, new HttpError.InternalServerError(ErrorPages.debugDescription(error)),
                    settings.json);
        }
        return Vary.on(Response.html(html(request, error, settings.debugSourceRoots)).withStatus(500), "Accept");
    }

    /**
     * The page.
     *
     * @param request the request that failed
     * @param error the exception no handler answered
     * @param sourceRoots where to look for source files
     * @return the HTML document
     */
    static String html(Request request, Throwable error, List<Path> sourceRoots) {
        StringBuilder page = new StringBuilder(8192);
        page.append("<!doctype html>\n<html lang=en>\n<meta charset=utf-8>\n<title>500 Internal Server Error: ")
                .append(escape(error.getClass().getSimpleName())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n<h1>").append(escape(error.getClass().getName())).append("</h1>\n<p>")
                .append(escape(String.valueOf(error.getMessage()))).append("</p>\n<p class=note>Debug mode is on and ")
                .append("this client is on this machine, so Carafe shows the exception instead of a plain 500 page. ")
                .append("Never turn debug mode on in production.</p>\n");
        exceptions(page, error, new SourceLines(sourceRoots));
        request(page, request);
        return page.toString();
    }

    /** The chain: the exception, then its causes; each with its suppressed exceptions named. */
    private static void exceptions(StringBuilder page, Throwable error, SourceLines sources) {
        page.append("<h2>Exception chain</h2>\n");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            page.append("<section>\n<h3>").append(t == error ? "" : "Caused by: ").append(escape(t.toString()))
                    .append("</h3>\n");
            StackTraceElement[] frames = t.getStackTrace();
            source(page, frames, sources);
            int common = common(frames, enclosing);
            page.append("<pre>");
            for (int i = 0; i < frames.length - common; i++) {
                page.append("at ").append(escape(frames[i].toString())).append('\n');
            }
            if (common > 0) {
                page.append("... ").append(common).append(" more, as above\n");
            }
            page.append("</pre>\n");
            for (Throwable suppressed : t.getSuppressed()) {
                page.append("<p class=note>Suppressed: ").append(escape(suppressed.toString())).append("</p>\n");
            }
            page.append("</section>\n");
            enclosing = frames;
        }
    }

    /** The source lines of the first frame whose file is found, the frame's line marked. */
    private static void source(StringBuilder page, StackTraceElement[] frames, SourceLines sources) {
        for (StackTraceElement frame : frames) {
            Optional<SourceLines.Excerpt> excerpt = sources.around(frame);
            if (excerpt.isPresent()) {
                SourceLines.Excerpt lines = excerpt.get();
                int width = String.valueOf(lines.firstLine() + lines.lines().size() - 1).length();
                page.append("<div class=source>\n<p>").append(escape(frame.toString())).append(" in <code>")
                        .append(escape(lines.file().toString())).append("</code></p>\n<pre>");
                for (int i = 0; i < lines.lines().size(); i++) {
                    int number = lines.firstLine() + i;
                    String text = String.format("%" + width + "d", number) + (number == lines.line() ? " > " : "   ")
                            + lines.lines().get(i);
                    page.append(number == lines.line() ? "<span class=current>" + escape(text) + "</span>" : escape(text))
                            .append('\n');
                }
                page.append("</pre>\n</div>\n");
                return;
            }
        }
    }

    /** How many frames at the end of a trace are the same as at the end of the enclosing trace. */
    private static int common(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }

    private static void request(StringBuilder page, Request request) {
        page.append("<h2>Request</h2>\n<table>\n");
        row(page, "Method", request.method());
        row(page, "URL", request.url());
        row(page, "Endpoint", request.endpoint().orElse("(no rule matched)"));
        row(page, "Client", request.remoteAddr().orElse("(unknown)"));
        page.append("</table>\n<h3>Headers</h3>\n<table>\n");
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            boolean hidden = HIDDEN.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))
                    || ConfigKeys.secret(header.getKey());
            row(page, header.getKey(), hidden ? "(hidden: " + header.getValue().length() + " characters)"
                    : header.getValue());
        }
        page.append("</table>\n<h3>Form</h3>\n<p>").append(escape(formNames(request))).append("</p>\n");
    }

    private static String formNames(Request request) {
        try {
            Set<String> names = new TreeSet<>(request.form().names());
            List<String> files = new ArrayList<>(new TreeSet<>(request.files().keySet()));
            if (names.isEmpty() && files.isEmpty()) {
                return "(no form fields)";
            }
            return "fields: " + (names.isEmpty() ? "(none)" : String.join(", ", names))
                    + (files.isEmpty() ? "" : "; files: " + String.join(", ", files)) + " (values not shown)";
        } catch (RuntimeException e) {
            return "(the form could not be read: " + e.getMessage() + ")";
        }
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(escape(name)).append("<td>").append(escape(value)).append('\n');
    }

    private static String escape(String text) {
        return Redirects.escape(text);
    }
}
