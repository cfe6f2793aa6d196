package dev.carafe.templates;

import dev.carafe.MultiMap;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.DefaultAttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.MacroAttributeProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Attribute lookups on Carafe's Java objects, tried before Pebble's own: a {@link MultiMap}'s
 * fields by name ({@code request.form['title']}, {@code request.args.page}, the first value; and
 * Werkzeug's {@code get('q', default)} and {@code getlist('tag')}), and
 * the {@code Optional} results of accessors unwrapped ({@code request.endpoint} prints
 * {@code blog.index}, not {@code Optional[blog.index]}; an empty one is undefined). Maps, lists,
 * arrays and macros are left to Pebble; records and other objects are read by Pebble's resolver
 * (the accessor {@code title()} for {@code post.title} and {@code post['title']}).
 */
final class JavaAttributes implements AttributeResolver {

    private final DefaultAttributeResolver pebble = new DefaultAttributeResolver();

    @Override
    public ResolvedAttribute resolve(Object instance, Object attribute, Object[] arguments, ArgumentsNode args,
            EvaluationContextImpl context, String filename, int line) {
        if (instance == null || instance instanceof Map || instance instanceof List
                || instance instanceof MacroAttributeProvider || instance.getClass().isArray()) {
            return null;
        }
        if (instance instanceof MultiMap fields) {
            Optional<ResolvedAttribute> field = field(fields, String.valueOf(attribute), arguments);
            if (field.isPresent()) {
                return field.get();
            }
        }
        ResolvedAttribute resolved = pebble.resolve(instance, attribute, arguments, args, context, filename, line);
        if (resolved == null) {
            return null;
        }
        Object value = resolved.evaluatedValue;
        if (value instanceof Optional<?> optional) {
            return new ResolvedAttribute(optional.orElse(null));
        }
        if (value instanceof OptionalInt optional) {
            return new ResolvedAttribute(optional.isPresent() ? optional.getAsInt() : null);
        }
        if (value instanceof OptionalLong optional) {
            return new ResolvedAttribute(optional.isPresent() ? optional.getAsLong() : null);
        }
        if (value instanceof OptionalDouble optional) {
            return new ResolvedAttribute(optional.isPresent() ? optional.getAsDouble() : null);
        }
        return resolved;
    }

    /**
     * A form's or query's field as Werkzeug's {@code MultiDict} gives it: {@code form['title']},
     * {@code form.get('title')} (undefined when missing, where Java's {@code get} answers 400),
     * {@code form.get('title', 'default')} and {@code form.getlist('tag')}.
     */
    private static Optional<ResolvedAttribute> field(MultiMap fields, String attribute, Object[] arguments) {
        if (arguments == null) {
            return fields.first(attribute).map(ResolvedAttribute::new);
        }
        if (attribute.equals("get") && (arguments.length == 1 || arguments.length == 2)) {
            Object fallback = arguments.length == 2 ? arguments[1] : null;
            return Optional.of(new ResolvedAttribute(fields.first(String.valueOf(arguments[0])).map(v -> (Object) v)
                    .orElse(fallback)));
        }
        if (attribute.equals("getlist") && arguments.length == 1) {
            return Optional.of(new ResolvedAttribute(fields.all(String.valueOf(arguments[0]))));
        }
        return Optional.empty();
    }
}
