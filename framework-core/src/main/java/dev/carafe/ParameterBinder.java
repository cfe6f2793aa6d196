package dev.carafe;

import dev.carafe.annotation.Body;
import dev.carafe.annotation.CookieParam;
import dev.carafe.annotation.FormParam;
import dev.carafe.annotation.HeaderParam;
import dev.carafe.annotation.PathParam;
import dev.carafe.annotation.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, when a controller is registered, where each parameter of a handler method comes from and
 * how it is converted, and fails then (not at the first request) with a message naming the class,
 * the method, the parameter and the fix when it cannot be bound.
 *
 * <p>Sources: rule variables by parameter name (or {@link PathParam}), {@link QueryParam}, {@link FormParam},
 * {@link HeaderParam}, {@link CookieParam}, {@link Body}; without annotation also {@link Request},
 * {@link RequestContext}, {@link Session} and {@link App}. Conversions are {@link ValueConversion}'s,
 * each also as {@code Optional<T>} (absent: empty) and {@code List<T>} (every value); a record under
 * {@code @QueryParam} or {@code @FormParam} is built from one value per component.
 */
final class ParameterBinder {

    /** Produces one argument of a handler method from the request. */
    @FunctionalInterface
    interface Binding {
        Object bind(Request request) throws Exception;
    }

    /**
     * A parameter's binding and the rule variable it receives, if any.
     *
     * @param binding produces the argument
     * @param pathVariable the rule variable bound, empty for other sources
     */
    record Bound(Binding binding, Optional<String> pathVariable) {
    }

    /**
     * Where a parameter is, for messages: the method and the rule.
     *
     * @param method the method, as {@code Class.name(Types)}
     * @param rule the rule with the controller's prefix
     * @param variables the rule's variables and their converters' names, in order
     */
    record Site(String method, String rule, Map<String, String> variables) {
    }

    private static final List<Class<? extends Annotation>> SOURCES =
            List.of(PathParam.class, QueryParam.class, FormParam.class, HeaderParam.class, CookieParam.class, Body.class);

    private ParameterBinder() {
    }

    /**
     * Binds one parameter.
     *
     * @throws IllegalArgumentException when the parameter cannot be bound, saying how to fix it
     */
    static Bound bind(Parameter parameter, Site site) {
        List<Annotation> annotations = new ArrayList<>();
        for (Class<? extends Annotation> type : SOURCES) {
            Annotation annotation = parameter.getAnnotation(type);
            if (annotation != null) {
                annotations.add(annotation);
            }
        }
        if (annotations.size() > 1) {
            throw setup(parameter, site, "has " + annotations.size() + " binding annotations, @"
                    + annotations.get(0).annotationType().getSimpleName() + " and @"
                    + annotations.get(1).annotationType().getSimpleName() + "; keep the one that says where its value "
                    + "comes from.");
        }
        if (annotations.isEmpty()) {
            return unannotated(parameter, site);
        }
        Annotation annotation = annotations.get(0);
        if (annotation instanceof Body) {
            return new Bound(BodyBinding.of(parameter, display(parameter)), Optional.empty());
        }
        if (annotation instanceof PathParam path) {
            String name = name(parameter, site, path.value(), "@PathParam(\"id\")");
            if (!site.variables().containsKey(name)) {
                throw setup(parameter, site, "is bound to the rule variable '" + name + "', but rule '" + site.rule()
                        + "' has no such variable; its variables are " + site.variables().keySet()
                        + ". Fix the name or the rule.");
            }
            return pathBinding(parameter, site, name);
        }
        Class<?> raw = parameter.getType();
        if (annotation instanceof QueryParam query) {
            if (raw.isRecord()) {
                return record(parameter, site, ParameterSource.QUERY);
            }
            if (raw == MultiMap.class) {
                return injected(Request::args);
            }
            return text(parameter, site, ParameterSource.QUERY, name(parameter, site, query.value(), "@QueryParam(\"q\")"));
        }
        if (annotation instanceof FormParam form) {
            if (raw == MultiMap.class) {
                return injected(Request::form);
            }
            if (raw.isRecord()) {
                return record(parameter, site, ParameterSource.FORM);
            }
            String name = name(parameter, site, form.value(), "@FormParam(\"title\")");
            return FileBinding.isFile(parameter) ? new Bound(FileBinding.of(parameter, name), Optional.empty())
                    : text(parameter, site, ParameterSource.FORM, name);
        }
        if (annotation instanceof HeaderParam header) {
            String name = name(parameter, site, header.value(), "@HeaderParam(\"X-Token\")");
            return text(parameter, site, ParameterSource.HEADER, name);
        }
        CookieParam cookie = (CookieParam) annotation;
        String name = name(parameter, site, cookie.value(), "@CookieParam(\"theme\")");
        return text(parameter, site, ParameterSource.COOKIE, name);
    }

    /** An IllegalArgumentException about a parameter: {@code Parameter 'q' (String) of Search.find(String) ...}. */
    static IllegalArgumentException setup(Parameter parameter, Site site, String problem) {
        return new IllegalArgumentException("Parameter '" + parameter.getName() + "' (" + display(parameter) + ") of "
                + site.method() + " " + problem);
    }

    /** Returns a type as written in source, without packages: {@code List<Item>}. */
    static String display(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return display(c.getComponentType()) + "[]";
            }
            return c.isPrimitive() ? c.getName() : c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> arguments = new ArrayList<>();
            for (Type argument : p.getActualTypeArguments()) {
                arguments.add(display(argument));
            }
            return display(p.getRawType()) + "<" + String.join(", ", arguments) + ">";
        }
        return type.getTypeName();
    }

    private static String display(Parameter parameter) {
        return display(parameter.getParameterizedType());
    }

    private static Bound unannotated(Parameter parameter, Site site) {
        Class<?> type = parameter.getType();
        if (type == Request.class) {
            return injected(request -> request);
        } else if (type == RequestContext.class) {
            return injected(Request::context);
        } else if (type == Session.class) {
            return injected(Request::session);
        } else if (type == App.class) {
            return injected(Request::app);
        } else if (type == MultiMap.class) {
            throw setup(parameter, site, "needs @QueryParam (all query arguments) or @FormParam (all form fields) to say which "
                    + "values it receives.");
        } else if (FileBinding.isFile(parameter)) {
            throw setup(parameter, site, "needs @FormParam(\"field\") naming the multipart field its file comes from.");
        }
        String name = name(parameter, site, "", "@PathParam(\"id\")");
        if (!site.variables().containsKey(name)) {
            throw setup(parameter, site, "cannot be bound: it is not a variable of rule '" + site.rule() + "' and has "
                    + "no binding annotation. Annotate it with @QueryParam, @FormParam, @HeaderParam, @CookieParam or @Body, or add <"
                    + name + "> to the rule.");
        }
        return pathBinding(parameter, site, name);
    }

    private static Bound injected(Binding binding) {
        return new Bound(binding, Optional.empty());
    }

    /** A rule variable, typed by the router's converter; converted again when the parameter's type differs. */
    private static Bound pathBinding(Parameter parameter, Site site, String name) {
        Class<?> type = parameter.getType();
        ValueConversion conversion = ValueConversion.to(type).orElseThrow(() -> setup(parameter, site,
                "receives the rule variable '" + name + "', but its type cannot be converted from text; use "
                        + ValueConversion.SUPPORTED + ", or the type a custom converter of the rule produces."));
        String converter = site.variables().get(name);
        RuleVariables.mismatch(converter, type).ifPresent(produced -> {
            throw setup(parameter, site, "receives the rule variable '" + name + "', which the converter '" + converter
                    + "' of rule '" + site.rule() + "' makes " + produced + "; that never converts to "
                    + display(type) + ". Change the parameter's type or the converter.");
        });
        Class<?> boxed = ValueConversion.boxed(type);
        Binding binding = request -> {
            Object value = request.viewArgs().get(name);
            if (boxed.isInstance(value)) {
                return value;
            }
            if (value == null) {
                throw new IllegalStateException("Rule variable '" + name + "' has no value in this request's view "
                        + "arguments " + request.viewArgs() + "; was the handler called outside of its rule?");
            }
            return TextBinding.convert(ParameterSource.PATH, name, String.valueOf(value), conversion);
        };
        return new Bound(binding, Optional.of(name));
    }

    /** A text value from the query, the form, a header or a cookie: plain, Optional or List. */
    private static Bound text(Parameter parameter, Site site, ParameterSource source, String name) {
        return new Bound(TextBinding.of(parameter.getParameterizedType(), source, name,
                problem -> setup(parameter, site, problem)), Optional.empty());
    }

    /** A record from the query or the form, each component by its name. */
    private static Bound record(Parameter parameter, Site site, ParameterSource source) {
        return new Bound(RecordBinding.of(parameter.getType(), source, problem -> setup(parameter, site, problem)),
                Optional.empty());
    }

    /** The name a parameter binds by: the annotation's, else its own (which needs {@code -parameters}). */
    private static String name(Parameter parameter, Site site, String given, String example) {
        if (!given.isEmpty()) {
            return given;
        }
        if (!parameter.isNamePresent()) {
            throw setup(parameter, site, "has no name: its class was compiled without -parameters, so Carafe cannot "
                    + "tell which value it receives. Compile with javac -parameters "
                    + "(Maven: <parameters>true</parameters> in the maven-compiler-plugin configuration) or name the "
                    + "value explicitly, for example " + example + ".");
        }
        return parameter.getName();
    }
}
