package dev.carafe;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The handler of a class-based view, Flask's {@code MethodView}: the view object's public methods
 * named {@code get}, {@code post}, {@code put}, {@code patch}, {@code delete}, {@code head} and
 * {@code options} answer those HTTP methods, with their parameters bound as a controller's
 * ({@link ParameterBinder}). The rule accepts exactly those methods ({@code HEAD} too when there is
 * a {@code get}, answered by it unless there is a {@code head}); any other is a 405 whose
 * {@code Allow} lists them.
 */
final class ViewHandler implements Handler {

    /** The method names a view may define, in the order {@code Allow} lists them. */
    private static final List<String> NAMES = List.of("get", "head", "post", "put", "patch", "delete", "options");

    private final Map<String, Handler> byMethod;
    private final String view;

    private ViewHandler(Map<String, Handler> byMethod, String view) {
        this.byMethod = byMethod;
        this.view = view;
    }

    /**
     * Checks a view and makes its handler.
     *
     * @param view the view object
     * @param rule the rule it is registered under, with its prefix, for binding path variables
     * @return the handler
     * @throws IllegalArgumentException for a class instead of an object, a view without handler
     *     methods, a non-public or overloaded one, or a parameter that cannot be bound
     */
    static ViewHandler of(Object view, String rule) {
        if (view == null) {
            throw new NullPointerException("view");
        }
        if (view instanceof Class<?> type) {
            throw new IllegalArgumentException("view(rule, view) takes a view object, but got the class "
                    + type.getName() + ". Register an instance: view(\"" + rule + "\", new " + type.getSimpleName()
                    + "()).");
        }
        Class<?> type = view.getClass();
        String label = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        Map<String, Method> methods = handlerMethods(type, label);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("View " + label + " has no public method named "
                    + String.join(", ", NAMES) + "; a view answers each HTTP method with the method of that name, "
                    + "for example: public String get() { ... }. For a single function, use app.get(rule, handler).");
        }
        Map<String, Handler> byMethod = new LinkedHashMap<>();
        for (Map.Entry<String, Method> entry : methods.entrySet()) {
            byMethod.put(entry.getKey().toUpperCase(Locale.ROOT),
                    ControllerScanner.handler(view, entry.getValue(), rule));
        }
        return new ViewHandler(Collections.unmodifiableMap(byMethod), label);
    }

    /** @return the HTTP methods the view answers, for its rule */
    Set<String> methods() {
        return new LinkedHashSet<>(byMethod.keySet());
    }

    @Override
    public Object handle(Request request) throws Exception {
        Handler handler = byMethod.get(request.method());
        if (handler == null && request.method().equals("HEAD")) {
            handler = byMethod.get("GET");
        }
        if (handler == null) {
            throw new HttpError.MethodNotAllowed(byMethod.keySet());
        }
        return handler.handle(request);
    }

    @Override
    public String toString() {
        return "view " + view + " " + byMethod.keySet();
    }

    private static Map<String, Method> handlerMethods(Class<?> type, String label) {
        Map<String, List<Method>> found = new LinkedHashMap<>();
        NAMES.forEach(name -> found.put(name, new ArrayList<>()));
        Set<String> signatures = new LinkedHashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                boolean overridden = !signatures.add(method.getName() + List.of(method.getParameterTypes()));
                if (!overridden && !method.isSynthetic() && !method.isBridge() && found.containsKey(method.getName())) {
                    found.get(method.getName()).add(method);
                }
            }
        }
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Map.Entry<String, List<Method>> entry : found.entrySet()) {
            List<Method> candidates = entry.getValue();
            if (candidates.size() > 1) {
                throw new IllegalArgumentException("View " + label + " has " + candidates.size() + " methods named "
                        + entry.getKey() + " (" + candidates.stream().map(ControllerScanner::describe)
                        .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                        .collect(Collectors.joining(", ")) + "); keep one, it answers " + entry.getKey()
                        .toUpperCase(Locale.ROOT) + ".");
            }
            if (candidates.size() == 1) {
                Method method = candidates.get(0);
                if (!Modifier.isPublic(method.getModifiers())) {
                    throw new IllegalArgumentException("View method " + ControllerScanner.describe(method)
                            + " is not public, so Carafe will not call it for " + entry.getKey()
                            .toUpperCase(Locale.ROOT) + ". Make it public (or rename it if it is a helper).");
                }
                methods.put(entry.getKey(), method);
            }
        }
        return methods;
    }
}
