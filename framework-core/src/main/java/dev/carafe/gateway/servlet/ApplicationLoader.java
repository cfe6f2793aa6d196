package dev.carafe.gateway.servlet;

import dev.carafe.gateway.Application;
import jakarta.servlet.ServletException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Finds the application a {@code web.xml} names in the {@value GatewayServlet#APPLICATION} init
 * parameter: {@code CLASS} (an {@link Application} with a public no-argument constructor) or
 * {@code CLASS:MEMBER} (a public static field, or a public static no-argument method, of that
 * class holding an {@link Application}).
 */
final class ApplicationLoader {

    private ApplicationLoader() {
    }

    /**
     * Loads the named application, looking for its class in each loader in turn: the web
     * application's, the thread's context loader, Carafe's own (embedded containers may give
     * a web application a loader that does not see the application's classpath).
     */
    static Application load(String spec, List<ClassLoader> loaders, String servletName) throws ServletException {
        if (spec == null || spec.isBlank()) {
            throw new ServletException("Servlet '" + servletName + "' has no application: set its init parameter '"
                    + GatewayServlet.APPLICATION + "' to CLASS (a class implementing " + Application.class.getName()
                    + " with a public no-argument constructor) or CLASS:MEMBER (a public static field or no-argument"
                    + " method returning an Application), or create the servlet with new GatewayServlet(app).");
        }
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String className = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Class<?> type = loadClass(className, loaders, spec);
        Object app = colon < 0 ? construct(type, spec) : member(type, trimmed.substring(colon + 1), spec);
        if (app instanceof Application application) {
            return application;
        }
        throw new ServletException("Init parameter " + GatewayServlet.APPLICATION + "='" + spec + "' gives "
                + (app == null ? "null" : "a " + app.getClass().getName()) + ", not an " + Application.class.getName()
                + "; name a class implementing it, or a static field or method holding one.");
    }

    private static Class<?> loadClass(String className, List<ClassLoader> loaders, String spec)
            throws ServletException {
        Throwable first = null;
        for (ClassLoader loader : loaders) {
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                first = first == null ? e : first;
            }
        }
        throw new ServletException("Init parameter " + GatewayServlet.APPLICATION + "='" + spec + "' names class '"
                + className + "', which cannot be loaded (" + first + "); check the spelling and that the class is"
                + " in the web application.", first);
    }

    private static Object construct(Class<?> type, String spec) throws ServletException {
        if (!Application.class.isAssignableFrom(type)) {
            throw new ServletException("Class '" + type.getName() + "' named by init parameter "
                    + GatewayServlet.APPLICATION + "='" + spec + "' does not implement " + Application.class.getName()
                    + "; name a class that does, or use CLASS:MEMBER to name a static field or method holding one.");
        }
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Could not create the application '" + type.getName() + "' named by init"
                    + " parameter " + GatewayServlet.APPLICATION + "='" + spec + "' (" + e + "); it needs a public"
                    + " no-argument constructor.", e);
        }
    }

    private static Object member(Class<?> type, String name, String spec) throws ServletException {
        try {
            for (Field field : type.getFields()) {
                if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())) {
                    return field.get(null);
                }
            }
            for (Method method : type.getMethods()) {
                if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0) {
                    return method.invoke(null);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Could not read '" + name + "' of class '" + type.getName() + "' named by init"
                    + " parameter " + GatewayServlet.APPLICATION + "='" + spec + "' (" + e + ").", e);
        }
        throw new ServletException("Class '" + type.getName() + "' has no public static field or no-argument method '"
                + name + "' (init parameter " + GatewayServlet.APPLICATION + "='" + spec + "').");
    }
}
