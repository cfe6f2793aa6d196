package dev.carafe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The binding of a record from query arguments or form fields: each component from the value of its
 * name, converted like a parameter of its type ({@code Optional} and {@code List} components
 * included). An {@link IllegalArgumentException} thrown by the record's constructor (a validation
 * in a compact constructor) is a 400 with its message.
 */
final class RecordBinding {

    private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

    private RecordBinding() {
    }

    /**
     * Creates the binding.
     *
     * @param type the record class
     * @param source {@link ParameterSource#QUERY} or {@link ParameterSource#FORM}
     * @param refuse makes the setup error from a problem
     * @throws IllegalArgumentException (from {@code refuse}) when a component cannot be bound
     */
    static ParameterBinder.Binding of(Class<?> type, ParameterSource source,
            Function<String, IllegalArgumentException> refuse) {
        RecordComponent[] components = type.getRecordComponents();
        List<ParameterBinder.Binding> bindings = new ArrayList<>();
        for (RecordComponent component : components) {
            bindings.add(TextBinding.of(component.getGenericType(), source, component.getName(),
                    problem -> refuse.apply("is a record whose component '" + component.getName() + "' "
                            + problem)));
        }
        MethodHandle constructor = constructor(type, components, refuse).asSpreader(Object[].class, components.length)
                .asType(SPREAD);
        return request -> {
            Object[] values = new Object[bindings.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = bindings.get(i).bind(request);
            }
            try {
                return (Object) constructor.invokeExact(values);
            } catch (IllegalArgumentException e) {
                throw new HttpError.BadRequest("The " + source.noun() + "s do not make a valid " + type.getSimpleName()
                        + ": " + e.getMessage());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Constructing " + type.getName() + " failed: " + t, t);
            }
        };
    }

    private static MethodHandle constructor(Class<?> type, RecordComponent[] components,
            Function<String, IllegalArgumentException> refuse) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            if (!canonical.trySetAccessible()) {
                throw refuse.apply("is a record Carafe cannot construct: its constructor is not accessible. Make the "
                        + "record public (and export its package).");
            }
            return MethodHandles.lookup().unreflectConstructor(canonical);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw refuse.apply("is a record Carafe cannot construct: " + e);
        }
    }
}
