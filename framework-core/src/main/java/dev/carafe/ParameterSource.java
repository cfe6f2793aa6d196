package dev.carafe;

import java.util.Arrays;
import java.util.List;

/**
 * Where a controller parameter's text values come from, with the words a client sees when one is
 * missing or malformed.
 */
enum ParameterSource {

    /** A variable of the matched rule; the router already typed it. */
    PATH("Path variable", "path variable") {
        @Override
        List<String> values(Request request, String name) {
            Object value = request.viewArgs().get(name);
            return value == null ? List.of() : List.of(String.valueOf(value));
        }

        @Override
        String example(String name, String value) {
            return value;
        }

        @Override
        String howToSend(String name) {
            return "Use a URL that matches the rule";
        }
    },
    /** A query argument: {@code ?name=value}. */
    QUERY("Query parameter", "query parameter") {
        @Override
        List<String> values(Request request, String name) {
            return request.args().all(name);
        }

        @Override
        String howToSend(String name) {
            return "Add ?" + name + "=…";
        }
    },
    /** A field of a urlencoded or multipart form body. */
    FORM("Form field", "form field") {
        @Override
        List<String> values(Request request, String name) {
            return request.form().all(name);
        }

        @Override
        String howToSend(String name) {
            return "Send the field " + name + " in the form body";
        }
    },
    /** A request header, whole; a list parameter receives its comma-separated values. */
    HEADER("Header", "header") {
        @Override
        List<String> values(Request request, String name) {
            return request.header(name).stream().toList();
        }

        @Override
        List<String> listValues(Request request, String name) {
            return request.header(name).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        }

        @Override
        String example(String name, String value) {
            return name + ": " + value;
        }

        @Override
        String howToSend(String name) {
            return "Send the header " + name + ": …";
        }
    },
    /** A request cookie. */
    COOKIE("Cookie", "cookie") {
        @Override
        List<String> values(Request request, String name) {
            return request.cookie(name).stream().toList();
        }

        @Override
        String howToSend(String name) {
            return "Send the cookie " + name;
        }
    };

    private final String label;
    private final String noun;

    ParameterSource(String label, String noun) {
        this.label = label;
        this.noun = noun;
    }

    /** Returns every value of a name in the request, in order; empty when it has none. */
    abstract List<String> values(Request request, String name);

    /** Returns the values a {@code List} parameter receives; for most sources {@link #values}. */
    List<String> listValues(Request request, String name) {
        return values(request, name);
    }

    /** Returns the first words of the fix for a missing value, for example {@code Add ?q=…}. */
    abstract String howToSend(String name);

    /** Returns how a value is written in the request, for example {@code page=2}. */
    String example(String name, String value) {
        return name + "=" + value;
    }

    /** Returns the words for the source in the middle of a sentence: {@code query parameter}. */
    String noun() {
        return noun;
    }

    /**
     * The 400 for a value that does not convert, for example {@code Query parameter 'page' has value
     * 'abc', which is not a valid int. Send a whole number, for example page=2.}
     */
    HttpError.BadRequest invalid(String name, String value, ValueConversion conversion) {
        return new HttpError.BadRequest(label + " '" + name + "' has value '" + value + "', which is not a valid "
                + conversion.typeName() + ". Send " + conversion.expected() + ", for example "
                + example(name, conversion.example()) + ".");
    }

    /**
     * The 400 for a missing value, for example {@code Missing query parameter 'q' (String) for GET
     * /search. Add ?q=… or declare the parameter as Optional<String>.}
     *
     * @param type the parameter's type, for example {@code int.class}
     */
    HttpError.BadRequest missing(String name, Class<?> type, Request request) {
        String typeName = type.isPrimitive() ? type.getName() : type.getSimpleName();
        return new HttpError.BadRequest("Missing " + noun + " '" + name + "' (" + typeName + ") for "
                + request.method() + " " + request.path() + ". " + howToSend(name) + " or declare the parameter as "
                + "Optional<" + ValueConversion.boxed(type).getSimpleName() + ">.");
    }
}
