package dev.carafe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The {@link Handler} of a controller method: binds each argument from the request and calls the
 * method through a {@link MethodHandle} made once at setup. A {@code void} method answers
 * {@code 204 No Content}.
 */
final class ControllerHandler implements Handler {

    private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

    private final MethodHandle invoker;
    private final ParameterBinder.Binding[] bindings;
    private final boolean returnsVoid;
    private final String method;

    /**
     * @param target the method's handle, bound to the controller for an instance method
     * @param bindings one per parameter, in order
     * @param method the method as {@code Class.name(Types)}, for {@link #toString()}
     */
    ControllerHandler(MethodHandle target, List<ParameterBinder.Binding> bindings, String method) {
        this.invoker = target.asSpreader(Object[].class, bindings.size()).asType(SPREAD);
        this.bindings = bindings.toArray(ParameterBinder.Binding[]::new);
        this.returnsVoid = target.type().returnType() == void.class;
        this.method = method;
    }

    @Override
    public Object handle(Request request) throws Exception {
        Object[] arguments = new Object[bindings.length];
        for (int i = 0; i < bindings.length; i++) {
            arguments[i] = bindings[i].bind(request);
        }
        Object result;
        try {
            result = (Object) invoker.invokeExact(arguments);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(method + " threw " + t, t);
        }
        return returnsVoid ? Response.noContent() : result;
    }

    @Override
    public String toString() {
        return method;
    }
}
