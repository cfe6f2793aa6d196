package dev.carafe.gateway.server;

import dev.carafe.gateway.Application;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Finds the application a command line names, as Gunicorn's {@code module:app}: {@code CLASS:MEMBER}
 * is a public static field holding an {@link Application} or a public static no-argument method
 * returning one; {@code CLASS} alone (or a member that names nothing, when CLASS is itself an
 * Application) is a class implementing Application with a public no-argument constructor. Every
 * failure is a {@link CommandLineException} that says what to fix.
 */
final class ApplicationLoader {

    private ApplicationLoader() {
    }

    static Application load(String spec, ClassLoader loader) throws CommandLineException {
        int colon = spec.indexOf(':');
        String className = colon < 0 ? spec : spec.substring(0, colon);
        Optional<String> member = colon < 0 ? Optional.empty() : Optional.of(spec.substring(colon + 1));
        if (className.isEmpty() || member.map(m -> m.isEmpty() || m.indexOf(':') >= 0).orElse(false)) {
            throw new CommandLineException("the application must be CLASS or CLASS:MEMBER, for example "
                    + "com.example.Hello:app; got '" + spec + "'");
        }
        Class<?> type = type(className, loader);
        if (member.isPresent()) {
            Optional<Application> found = member(type, member.get());
            if (found.isPresent()) {
                return found.get();
            }
            if (!Application.class.isAssignableFrom(type)) {
                throw new CommandLineException("no member '" + member.get() + "' in " + className
                        + ": expected a public static field or no-argument method returning an Application");
            }
        } else if (!Application.class.isAssignableFrom(type)) {
            throw new CommandLineException(className + " is not an Application: name a member ("
                    + className + ":app) or implement " + Application.class.getName());
        }
        return instance(type);
    }

    private static Class<?> type(String className, ClassLoader loader) throws CommandLineException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new CommandLineException("class not found: " + className
                    + " (is it on the classpath? -cp must list the folder or jar that holds it)");
        } catch (ExceptionInInitializerError e) {
            throw new CommandLineException("loading " + className + " failed: " + e.getCause());
        }
    }

    private static Optional<Application> member(Class<?> type, String name) throws CommandLineException {
        String where = "'" + name + "' in " + type.getName();
        Field field = find(() -> type.getField(name));
        if (field != null && Modifier.isStatic(field.getModifiers())) {
            Object value;
            try {
                value = field.get(null);
            } catch (IllegalAccessException e) {
                throw new CommandLineException("field " + where + " is not accessible: make it public");
            }
            return Optional.of(application(value, "field " + where + " is"));
        }
        Method method = find(() -> type.getMethod(name));
        if (method != null && Modifier.isStatic(method.getModifiers())) {
            try {
                return Optional.of(application(method.invoke(null),
                        "method '" + name + "()' in " + type.getName() + " returned"));
            } catch (InvocationTargetException e) {
                throw new CommandLineException(type.getName() + "." + name + "() failed: " + e.getCause());
            } catch (IllegalAccessException e) {
                throw new CommandLineException("method '" + name + "()' in " + type.getName()
                        + " is not accessible: make it public");
            }
        }
        if (field != null || method != null) {
            throw new CommandLineException("member " + where + " is not static: expected a public static field "
                    + "or no-argument method returning an Application");
        }
        return Optional.empty();
    }

    private static Application application(Object value, String what) throws CommandLineException {
        if (value instanceof Application app) {
            return app;
        }
        throw new CommandLineException(what + " " + (value == null ? "null" : "a " + value.getClass().getName())
                + ", not a " + Application.class.getName());
    }

    private static Application instance(Class<?> type) throws CommandLineException {
        Constructor<?> constructor = find(type::getConstructor);
        if (constructor == null || Modifier.isAbstract(type.getModifiers())) {
            throw new CommandLineException(type.getName() + " implements Application but has no public "
                    + "no-argument constructor: add one, or name a member (" + type.getName() + ":app)");
        }
        try {
            return (Application) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new CommandLineException("new " + type.getName() + "() failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new CommandLineException("new " + type.getName() + "() failed: " + e);
        }
    }

    /** A reflective lookup that answers null for "no such public member". */
    @FunctionalInterface
    private interface Lookup<T> {
        T find() throws NoSuchMethodException, NoSuchFieldException;
    }

    private static <T> T find(Lookup<T> lookup) {
        try {
            return lookup.find();
        } catch (NoSuchMethodException | NoSuchFieldException e) {
            return null;
        }
    }
}
