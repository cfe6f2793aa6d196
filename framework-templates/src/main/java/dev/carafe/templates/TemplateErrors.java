package dev.carafe.templates;

import dev.carafe.HttpError;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Pebble throws into a {@link TemplateException} that names the template, the line and
 * what was wrong in Carafe's words. Pebble often wraps the real problem (an {@code if} wraps an
 * undefined variable in "Wrong operand(s) type"), so the innermost Pebble exception gives the
 * reason and the innermost one that knows its template gives the place. An {@link HttpError}
 * thrown while rendering (reading a malformed form, a filter aborting with 404) is rethrown as it
 * is, so the client gets its status.
 */
final class TemplateErrors {

    private static final Pattern ROOT = Pattern.compile("Root attribute \\[(.*)\\] does not exist.*", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("Attribute \\[(.*)\\] of \\[(.*)\\] does not exist.*",
            Pattern.DOTALL);

    private TemplateErrors() {
    }

    /**
     * Translates a failure of compiling or rendering a template.
     *
     * @param failure what Pebble (or code called by the template) threw
     * @param rendering the name of the template being rendered
     * @return the exception to throw
     */
    static RuntimeException translate(RuntimeException failure, String rendering) {
        PebbleException innermost = null;
        PebbleException located = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpError http) {
                return http;
            }
            if (t instanceof TemplateException translated) {
                return translated;
            }
            if (t instanceof MissingTemplate missing) {
                String reason = missing.getMessage() + (missing.name().equals(rendering) ? "."
                        : " (rendering '" + TemplateNames.display(rendering) + "').");
                return new TemplateException(visible(missing.name()), 0, reason, failure);
            }
            if (t instanceof PebbleException pebble) {
                innermost = pebble;
                if (pebble.getFileName() != null) {
                    located = pebble;
                }
            }
        }
        if (innermost == null) {
            return new TemplateException(TemplateNames.display(rendering), 0, String.valueOf(failure), failure);
        }
        String template = located == null ? rendering : located.getFileName();
        int line = located == null || located.getLineNumber() == null ? 0 : located.getLineNumber();
        String reason = reason(innermost);
        if (!template.equals(rendering)) {
            reason += " (rendering '" + TemplateNames.display(rendering) + "')";
        }
        return new TemplateException(TemplateNames.display(template), line, reason, failure);
    }

    /** A name as a message can show it: control characters written as {@code \\u0000}. */
    private static String visible(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Names a type for people: {@code a map}, {@code a list}, {@code a Post}. */
    private static String kind(String className) {
        if (className.startsWith("java.util.") && className.contains("Map")) {
            return "a map";
        }
        if (className.startsWith("java.util.") && className.contains("List")) {
            return "a list";
        }
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        return "a " + simple.replaceFirst("^[0-9]+", "");   // a local class: Test$1Post
    }

    private static String reason(PebbleException e) {
        String message = String.valueOf(e.getPebbleMessage());
        if (e instanceof RootAttributeNotFoundException) {
            Matcher root = ROOT.matcher(message);
            if (root.matches()) {
                return "'" + root.group(1) + "' is undefined (strict mode): it is not in the model, the context "
                        + "processors' variables, the template context (request, session, g, config) or the globals."
                        + " Pass it in the model, or test it first with {% if " + root.group(1) + " is defined %}.";
            }
            return "cannot read '" + ((RootAttributeNotFoundException) e).getAttributeName() + "' of a null value "
                    + "(strict mode). Test the value first, for example {% if value is not null %}.";
        }
        if (e instanceof AttributeNotFoundException missing) {
            Matcher attribute = ATTRIBUTE.matcher(message);
            if (attribute.matches()) {
                return "'" + missing.getAttributeName() + "' is undefined on " + kind(attribute.group(2)) + " (strict "
                        + "mode): it has no such key, accessor, getter or field.";
            }
        }
        Throwable root = e.getCause();
        if (root == null || root instanceof PebbleException) {
            return message;
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage();
        return detail != null && message.contains(detail) ? message : message + ": " + root;
    }
}
