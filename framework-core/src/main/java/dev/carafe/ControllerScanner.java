package dev.carafe;

import dev.carafe.annotation.Controller;
import dev.carafe.annotation.Delete;
import dev.carafe.annotation.Get;
import dev.carafe.annotation.Patch;
import dev.carafe.annotation.Post;
import dev.carafe.annotation.Put;
import dev.carafe.annotation.Route;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the routes of a controller object: its public methods annotated with {@link Get},
 * {@link Post}, {@link Put}, {@link Patch}, {@link Delete} or {@link Route}. Only the registered
 * object's class (and its superclasses) is looked at; nothing is scanned on the classpath.
 *
 * <p>Everything is checked here, when the controller is registered: two route annotations on a
 * method, an annotated method that is not public, a parameter that cannot be bound, a rule variable
 * no parameter receives, two methods with one endpoint. Each failure is an
 * {@link IllegalArgumentException} naming the class, the method, the parameter and the fix.
 * Methods are called through {@link MethodHandle}s made here, once.
 */
final class ControllerScanner {

    private static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS =
            List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class, Route.class);

    /** What a route annotation says; {@code label} names it and its method for messages. */
    private record Spec(String rule, Set<String> methods, String endpoint, String[] defaults, boolean strictSlashes,
            String label) {
    }

    /** A controller method's handler and its defaults, typed by the parameters receiving them. */
    private record Handled(Handler handler, Map<String, Object> defaults) {
    }

    private ControllerScanner() {
    }

    /**
     * Returns the routes of a controller, in a stable order (by method name).
     *
     * @param controller the controller object
     * @return its routes, at least one
     * @throws IllegalArgumentException when the controller or one of its methods is not usable, saying how to fix it
     */
    static List<ControllerRoute> scan(Object controller) {
        Objects.requireNonNull(controller, "controller");
        if (controller instanceof Class<?> type) {
            throw new IllegalArgumentException("app.register(...) takes a controller object, but got the class "
                    + type.getName() + ". Register an instance: app.register(new " + type.getSimpleName() + "()).");
        }
        Class<?> type = controller.getClass();
        Controller meta = type.getAnnotation(Controller.class);
        String prefix = meta == null ? "" : meta.prefix();
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            throw new IllegalArgumentException("@Controller(prefix = \"" + prefix + "\") of " + type.getName()
                    + " must start with a slash: @Controller(prefix = \"/" + prefix + "\").");
        }
        prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String name = meta == null || meta.name().isEmpty() ? "" : meta.name() + ".";
        List<ControllerRoute> routes = new ArrayList<>();
        Map<String, Method> endpoints = new HashMap<>();
        for (Method method : annotatedMethods(type)) {
            for (Spec spec : specs(method, prefix)) {
                String endpoint = name + (spec.endpoint().isEmpty() ? method.getName() : spec.endpoint());
                Method earlier = endpoints.putIfAbsent(endpoint, method);
                if (earlier != null && !earlier.equals(method)) {
                    throw new IllegalArgumentException("Methods " + describe(earlier) + " and " + describe(method)
                            + " both get the endpoint '" + endpoint + "'. Name one of them, for example "
                            + "@Get(value = \"...\", endpoint = \"" + method.getName() + "Other\").");
                }
                String rule = prefix + spec.rule();
                Map<String, String> defaults = ControllerDefaults.parse(spec.defaults(), spec.label());
                Handled handled = handler(controller, method, rule, defaults, spec.label());
                RouteOptions options = new RouteOptions(spec.methods(), Optional.of(endpoint), handled.defaults(),
                        spec.strictSlashes(), true);
                routes.add(new ControllerRoute(rule, options, handled.handler()));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("Controller " + type.getName() + " has no methods annotated with "
                    + "@Get, @Post, @Put, @Patch, @Delete or @Route. Annotate its public handler methods, or register "
                    + "lambdas with app.get(rule, handler).");
        }
        return List.copyOf(routes);
    }

    /** Returns {@code Users.show(int, Request)}: the class's simple name, the method and its parameter types. */
    static String describe(Method method) {
        Class<?> type = method.getDeclaringClass();
        String owner = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        return owner + "." + method.getName() + Arrays.stream(method.getGenericParameterTypes())
                .map(ParameterBinder::display).collect(Collectors.joining(", ", "(", ")"));
    }

    private static List<Method> annotatedMethods(Class<?> type) {
        List<Method> found = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                boolean overridden = !signatures.add(method.getName() + Arrays.toString(method.getParameterTypes()));
                if (!overridden && !method.isSynthetic() && !method.isBridge() && !routeAnnotations(method).isEmpty()) {
                    found.add(method);
                }
            }
        }
        found.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        return found;
    }

    private static List<Annotation> routeAnnotations(Method method) {
        List<Annotation> found = new ArrayList<>();
        for (Class<? extends Annotation> type : ROUTE_ANNOTATIONS) {
            found.addAll(Arrays.asList(method.getAnnotationsByType(type)));
        }
        return found;
    }

    /** The routes of a method: one per route annotation, repeated annotations of one kind included. */
    private static List<Spec> specs(Method method, String prefix) {
        List<Annotation> annotations = routeAnnotations(method);
        if (annotations.stream().map(Annotation::annotationType).distinct().count() > 1) {
            throw new IllegalArgumentException("Method " + describe(method) + " has " + annotations.size()
                    + " route annotations, " + annotations.stream().map(a -> "@" + a.annotationType().getSimpleName())
                    .collect(Collectors.joining(" and ")) + "; give it one. For several HTTP methods on one rule use "
                    + "@Route(rule = \"/path\", methods = {\"GET\", \"POST\"}).");
        }
        List<Spec> specs = new ArrayList<>();
        for (Annotation annotation : annotations) {
            specs.add(spec(method, annotation, prefix));
        }
        return specs;
    }

    private static Spec spec(Method method, Annotation annotation, String prefix) {
        String label = "@" + annotation.annotationType().getSimpleName();
        if (!Modifier.isPublic(method.getModifiers())) {
            throw new IllegalArgumentException("Method " + describe(method) + " is annotated with " + label
                    + " but is not public, so Carafe will not call it. Make it public.");
        }
        String where = label + " on " + describe(method);
        Spec spec;
        if (annotation instanceof Get a) {
            spec = new Spec(a.value(), Set.of("GET"), a.endpoint(), a.defaults(), a.strictSlashes(), where);
        } else if (annotation instanceof Post a) {
            spec = new Spec(a.value(), Set.of("POST"), a.endpoint(), a.defaults(), a.strictSlashes(), where);
        } else if (annotation instanceof Put a) {
            spec = new Spec(a.value(), Set.of("PUT"), a.endpoint(), a.defaults(), a.strictSlashes(), where);
        } else if (annotation instanceof Patch a) {
            spec = new Spec(a.value(), Set.of("PATCH"), a.endpoint(), a.defaults(), a.strictSlashes(), where);
        } else if (annotation instanceof Delete a) {
            spec = new Spec(a.value(), Set.of("DELETE"), a.endpoint(), a.defaults(), a.strictSlashes(), where);
        } else {
            spec = routeSpec(method, (Route) annotation, where);
        }
        if (!spec.rule().startsWith("/") && !(spec.rule().isEmpty() && !prefix.isEmpty())) {
            throw new IllegalArgumentException("The rule '" + spec.rule() + "' of " + label + " on " + describe(method)
                    + " must start with a slash: \"/" + spec.rule() + "\"" + (!spec.rule().isEmpty() ? "" : " (an empty "
                    + "rule is the controller's prefix itself, under @Controller(prefix = ...))") + ".");
        }
        return spec;
    }

    private static Spec routeSpec(Method method, Route route, String where) {
        Set<String> methods = new LinkedHashSet<>();
        for (String name : route.methods()) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("@Route on " + describe(method) + " has a blank method name in "
                        + Arrays.toString(route.methods()) + "; use names such as \"GET\" and \"POST\".");
            }
            methods.add(name.trim().toUpperCase(Locale.ROOT));
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("@Route on " + describe(method) + " has no methods; give at least one, "
                    + "for example @Route(rule = \"" + route.rule() + "\", methods = {\"GET\", \"POST\"}).");
        }
        return new Spec(route.rule(), methods, route.endpoint(), route.defaults(), route.strictSlashes(), where);
    }

    /** The handler of a view method: no defaults. */
    static Handler handler(Object controller, Method method, String rule) {
        return handler(controller, method, rule, Map.of(), "").handler();
    }

    private static Handled handler(Object controller, Method method, String rule, Map<String, String> defaults,
            String where) {
        Map<String, String> variables = new LinkedHashMap<>(RuleVariables.of(rule));
        defaults.keySet().forEach(name -> variables.putIfAbsent(name, "default"));
        ParameterBinder.Site site = new ParameterBinder.Site(describe(method), rule, variables);
        List<ParameterBinder.Binding> bindings = new ArrayList<>();
        Map<String, Object> typedDefaults = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            ParameterBinder.Bound bound = ParameterBinder.bind(parameter, site);
            bindings.add(bound.binding());
            bound.pathVariable().filter(defaults::containsKey).ifPresent(name -> typedDefaults.put(name,
                    ControllerDefaults.convert(name, defaults.get(name), parameter, where)));
            bound.pathVariable().ifPresent(variables::remove);
        }
        for (String name : defaults.keySet()) {
            if (!typedDefaults.containsKey(name)) {
                throw new IllegalArgumentException(where + " has the default '" + name + "', but no parameter "
                        + "receives it. Add a parameter named " + name + " (or annotate one with @PathParam(\"" + name
                        + "\")), or remove the default.");
            }
        }
        if (!variables.isEmpty()) {
            String variable = variables.keySet().iterator().next();
            throw new IllegalArgumentException("Rule '" + rule + "' of " + site.method() + " has the variable '"
                    + variable + "', but no parameter receives it. Add a parameter named " + variable
                    + " (or annotate one with @PathParam(\"" + variable + "\")).");
        }
        MethodHandle handle = handle(method);
        if (!Modifier.isStatic(method.getModifiers())) {
            handle = handle.bindTo(controller);
        }
        return new Handled(new ControllerHandler(handle, bindings, site.method()), typedDefaults);
    }

    private static MethodHandle handle(Method method) {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublic) {
            if (!method.trySetAccessible()) {
                throw new IllegalArgumentException("Carafe cannot call " + describe(method) + ": its class "
                        + method.getDeclaringClass().getName() + " is not accessible from module dev.carafe. Make the "
                        + "class public and export its package, or open the package to Carafe.", notPublic);
            }
            try {
                return MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("Carafe cannot call " + describe(method) + ": " + e.getMessage(), e);
            }
        }
    }
}
