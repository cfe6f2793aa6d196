package dev.carafe.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments a template passed to a {@link TemplateFilter}, {@link TemplateTest} or
 * {@link TemplateFunction}: {@code shorten(20, ellipsis='…')} has one positional argument,
 * {@code 20}, and one named argument, {@code ellipsis}. Values may be {@code null} (an undefined
 * variable); numbers written in a template are {@code Long} or {@code Double}.
 *
 * <pre>{@code
 * TemplateFilter shorten = (value, arguments) -> {
 *     int max = arguments.at(0).map(n -> ((Number) n).intValue()).orElse(80);
 *     String ellipsis = arguments.named("ellipsis").map(String::valueOf).orElse("...");
 *     String text = String.valueOf(value);
 *     return text.length() <= max ? text : text.substring(0, max) + ellipsis;
 * };
 * }</pre>
 *
 * @param positional the positional arguments, in order; unmodifiable
 * @param named the named arguments, in the order written; unmodifiable
 */
public record Arguments(List<Object> positional, Map<String, Object> named) {

    /**
     * Copies the arguments.
     *
     * @throws NullPointerException if a part (not a value) is null
     */
    public Arguments {
        positional = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(positional, "positional")));
        named = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(named, "named")));
    }

    /**
     * A positional argument.
     *
     * @param index from 0
     * @return its value, or empty when there are fewer arguments or the value is null
     */
    public Optional<Object> at(int index) {
        return index >= 0 && index < positional.size() ? Optional.ofNullable(positional.get(index)) : Optional.empty();
    }

    /**
     * A named argument.
     *
     * @param name its name, for example {@code ellipsis}
     * @return its value, or empty when it was not passed or is null
     */
    public Optional<Object> named(String name) {
        return Optional.ofNullable(named.get(name));
    }
}
