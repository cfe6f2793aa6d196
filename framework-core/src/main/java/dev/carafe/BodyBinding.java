package dev.carafe;

import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;

/**
 * The binding of an {@code @Body} parameter: the raw bytes, the text, the stream, or JSON read with
 * the App's codec into the parameter's full generic type, with 400s naming the parameter.
 */
final class BodyBinding {

    private BodyBinding() {
    }

    /**
     * Creates the binding.
     *
     * @param parameter the parameter annotated {@code @Body}
     * @param typeName its type as written, for messages
     */
    static ParameterBinder.Binding of(Parameter parameter, String typeName) {
        Class<?> raw = parameter.getType();
        if (raw == byte[].class) {
            return Request::body;
        } else if (raw == String.class) {
            return request -> new String(request.body(), StandardCharsets.UTF_8);
        } else if (raw == InputStream.class) {
            return Request::stream;
        }
        String name = parameter.getName();
        if (raw == Optional.class) {
            Type element = parameter.getParameterizedType() instanceof ParameterizedType p
                    ? p.getActualTypeArguments()[0] : Object.class;
            TypeReference<Object> type = reference(element);
            return request -> request.body().length == 0 ? Optional.empty()
                    : Optional.of(json(request, type, name, ParameterBinder.display(element)));
        }
        TypeReference<Object> type = reference(parameter.getParameterizedType());
        return request -> {
            if (request.body().length == 0) {
                throw new HttpError.BadRequest("Body is missing for parameter '" + name + "' (" + typeName + "). "
                        + "Send it as JSON with Content-Type: application/json, or declare the parameter as Optional<"
                        + typeName + ">.");
            }
            return json(request, type, name, typeName);
        };
    }

    private static Object json(Request request, TypeReference<Object> type, String name, String typeName) {
        try {
            return request.json(type);
        } catch (MalformedBodyException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw new HttpError.BadRequest("Body is not valid JSON for parameter '" + name + "' (" + typeName
                        + "): " + syntax.getOriginalMessage() + at(syntax) + ".");
            }
            throw new HttpError.BadRequest("Body does not fit parameter '" + name + "' (" + typeName + "): "
                    + e.getMessage() + (e.getMessage().endsWith(".") ? "" : "."));
        }
    }

    private static String at(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A Jackson type reference to a reflected type (such as {@code List<Item>}), made once at setup. */
    private static TypeReference<Object> reference(Type type) {
        return new TypeReference<>() {
            @Override
            public Type getType() {
                return type;
            }
        };
    }
}
