package dev.carafe;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The binding of a text value from the query, the form, a header or a cookie, converted to a type:
 * the type itself (required: missing is a 400), {@code Optional<T>} (absent or blank: empty) or
 * {@code List<T>} (every value).
 */
final class TextBinding {

    private TextBinding() {
    }

    /**
     * Creates the binding.
     *
     * @param type the declared type, for example {@code Optional<Integer>}
     * @param source where the values come from
     * @param name the name of the value in the request
     * @param refuse makes the setup error from a problem such as {@code "is a query parameter of type ..."}
     * @throws IllegalArgumentException (from {@code refuse}) when the type cannot be converted from text
     */
    static ParameterBinder.Binding of(Type type, ParameterSource source, String name,
            Function<String, IllegalArgumentException> refuse) {
        Class<?> raw = raw(type);
        boolean optional = raw == Optional.class;
        boolean list = raw == List.class;
        Class<?> element = raw;
        if (optional || list) {
            if (!(type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c)) {
                throw refuse.apply("needs a plain class as its type argument, for example " + raw.getSimpleName()
                        + "<Integer>.");
            }
            element = c;
        }
        Class<?> target = element;
        ValueConversion conversion = ValueConversion.to(element).orElseThrow(() -> refuse.apply("is a "
                + source.noun() + " of type " + ParameterBinder.display(target) + ", which cannot be converted from "
                + "text; use " + ValueConversion.SUPPORTED + " (or an Optional or a List of one), or take the "
                + "Request and read the value yourself."));
        if (optional) {
            return request -> {
                List<String> values = source.values(request, name);
                if (values.isEmpty() || values.get(0).isEmpty() && target != String.class) {
                    return Optional.empty();
                }
                return Optional.of(convert(source, name, values.get(0), conversion));
            };
        }
        if (list) {
            return request -> {
                List<Object> converted = new ArrayList<>();
                for (String value : source.listValues(request, name)) {
                    converted.add(convert(source, name, value, conversion));
                }
                return List.copyOf(converted);
            };
        }
        return request -> {
            List<String> values = source.values(request, name);
            if (values.isEmpty()) {
                throw source.missing(name, target, request);
            }
            return convert(source, name, values.get(0), conversion);
        };
    }

    /**
     * Converts one value, or throws the 400 naming it.
     *
     * @throws HttpError.BadRequest when the value does not convert
     */
    static Object convert(ParameterSource source, String name, String value, ValueConversion conversion) {
        try {
            return conversion.parse().apply(value);
        } catch (RuntimeException e) {
            throw source.invalid(name, value.length() > 200 ? value.substring(0, 200) + "…" : value, conversion);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }
}
