package dev.carafe.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in converters, and an immutable table of converters by name.
 *
 * <p>The table {@link #builtIns()} holds {@code string} (the default), {@code path}, {@code int},
 * {@code float}, {@code uuid} and {@code any}; each {@link Router} starts from it and adds its own
 * with {@link Router#converter(String, Converter)}, so no registry is shared between routers.
 *
 * <pre>{@code
 * Converters table = Converters.builtIns().with("slug", mySlugConverter);
 * table.names();   // [any, float, int, path, slug, string, uuid]
 * }</pre>
 */
public final class Converters {

    /** Makes a converter from the arguments written in a rule. */
    interface Factory {
        Converter create(ConverterArgs args);
    }

    private static final Converters BUILT_INS = new Converters(Map.of(
            "string", Converters::string,
            "default", Converters::string,
            "path", args -> noArgs("path", args, new BuiltIns.Path()),
            "int", Converters::integer,
            "float", Converters::floating,
            "uuid", args -> noArgs("uuid", args, new BuiltIns.Uuid()),
            "any", Converters::any));

    private final Map<String, Factory> factories;

    private Converters(Map<String, Factory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /**
     * The built-in table: {@code string}, {@code path}, {@code int}, {@code float}, {@code uuid}, {@code any}.
     *
     * @return the shared immutable table
     */
    public static Converters builtIns() {
        return BUILT_INS;
    }

    /**
     * A copy of this table with one more converter, which takes no arguments in rules.
     *
     * @param name the name rules use, as in {@code <name:variable>}; letters, digits and {@code _}
     * @param converter the converter
     * @return a new table; this one is unchanged
     * @throws IllegalArgumentException when the name is not an identifier or the regex does not compile
     */
    public Converters with(String name, Converter converter) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(converter, "converter");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Converter name '" + name + "' is not an identifier; use letters, "
                    + "digits and '_', not starting with a digit, e.g. 'slug'.");
        }
        try {
            Pattern.compile(converter.regex());
        } catch (PatternSyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Converter '" + name + "' has an invalid regex '" + converter.regex()
                    + "': " + e.getMessage() + ". Fix the pattern returned by regex().", e);
        }
        Map<String, Factory> copy = new LinkedHashMap<>(factories);
        copy.put(name, args -> noArgs(name, args, converter));
        return new Converters(copy);
    }

    /**
     * The names rules may use, sorted ({@code default} is {@code string}'s second name and not listed).
     *
     * @return the converter names
     */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(factories.keySet());
        names.remove("default");
        return names;
    }

    /**
     * The {@code string} converter with its defaults: one segment of at least one character.
     *
     * @return {@code <string:...>}
     */
    public static Converter string() {
        return new BuiltIns.Text(1, -1);
    }

    /**
     * The {@code path} converter: like string but also matches slashes.
     *
     * @return {@code <path:...>}
     */
    public static Converter path() {
        return new BuiltIns.Path();
    }

    /**
     * The {@code int} converter with its defaults: unsigned digits, an {@link Integer} or {@link Long}.
     *
     * @return {@code <int:...>}
     */
    public static Converter integer() {
        return new BuiltIns.Int(0, null, null, false);
    }

    /**
     * The {@code float} converter with its defaults: unsigned {@code 1.5}, a {@link Double}.
     *
     * @return {@code <float:...>}
     */
    public static Converter floating() {
        return new BuiltIns.Real(null, null, false);
    }

    /**
     * The {@code uuid} converter: a {@link java.util.UUID}, written in canonical lower case.
     *
     * @return {@code <uuid:...>}
     */
    public static Converter uuid() {
        return new BuiltIns.Uuid();
    }

    /**
     * The {@code any} converter: exactly one of the items.
     *
     * @param items the accepted words; none empty, none holding {@code /}
     * @return {@code <any(a,b):...>}
     * @throws IllegalArgumentException when there are no items or an item is empty or holds {@code /}
     */
    public static Converter any(String... items) {
        return new BuiltIns.Any(checkItems(List.of(items)));
    }

    Factory factory(String name) {
        return factories.get(name);
    }

    private static Converter string(ConverterArgs args) {
        args.check("string", 3, List.of("minlength", "maxlength", "length"));
        Long length = args.longValue("string", "length", 2);
        Long min = args.longValue("string", "minlength", 0);
        Long max = args.longValue("string", "maxlength", 1);
        if (length != null) {
            if (min != null || max != null) {
                throw new IllegalArgumentException("converter 'string': give either length or minlength/maxlength, "
                        + "not both");
            }
            if (length < 1 || length > 100_000) {
                throw new IllegalArgumentException("converter 'string': length must be 1 or more, got " + length);
            }
            return new BuiltIns.Text(length.intValue(), length.intValue());
        }
        long lo = min == null ? 1 : min;
        if (lo < 0 || lo > 100_000 || max != null && (max < Math.max(lo, 1) || max > 100_000)) {
            throw new IllegalArgumentException("converter 'string': need 0 <= minlength <= maxlength and maxlength >= 1"
                    + ", got minlength=" + lo + ", maxlength=" + max);
        }
        return new BuiltIns.Text((int) lo, max == null ? -1 : max.intValue());
    }

    private static Converter integer(ConverterArgs args) {
        args.check("int", 4, List.of("fixed_digits", "min", "max", "signed"));
        Long digits = args.longValue("int", "fixed_digits", 0);
        Long min = args.longValue("int", "min", 1);
        Long max = args.longValue("int", "max", 2);
        boolean signed = args.booleanValue("int", "signed", 3);
        if (digits != null && (digits < 0 || digits > 19)) {
            throw new IllegalArgumentException("converter 'int': fixed_digits must be between 1 and 19, got " + digits);
        }
        checkOrder("int", min, max);
        return new BuiltIns.Int(digits == null ? 0 : digits.intValue(), min, max, signed);
    }

    private static Converter floating(ConverterArgs args) {
        args.check("float", 3, List.of("min", "max", "signed"));
        Double min = args.doubleValue("float", "min", 0);
        Double max = args.doubleValue("float", "max", 1);
        checkOrder("float", min, max);
        return new BuiltIns.Real(min, max, args.booleanValue("float", "signed", 2));
    }

    private static Converter any(ConverterArgs args) {
        args.check("any", Integer.MAX_VALUE, List.of());
        List<String> items = new ArrayList<>();
        args.positional().forEach(v -> items.add(String.valueOf(v)));
        return new BuiltIns.Any(checkItems(items));
    }

    private static List<String> checkItems(List<String> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("converter 'any' needs at least one item, e.g. <any(about,help):page>");
        }
        for (String item : items) {
            if (item.isEmpty() || item.indexOf('/') >= 0) {
                throw new IllegalArgumentException("converter 'any': item '" + item + "' must be non-empty and "
                        + "without '/'");
            }
        }
        return items;
    }

    private static <T extends Comparable<T>> void checkOrder(String converter, T min, T max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("converter '" + converter + "': min " + min + " is greater than max "
                    + max + "; swap them");
        }
    }

    private static Converter noArgs(String name, ConverterArgs args, Converter converter) {
        if (!args.positional().isEmpty() || !args.keyword().isEmpty()) {
            throw new IllegalArgumentException("converter '" + name + "' takes no arguments; write <" + name
                    + ":variable>");
        }
        return converter;
    }
}
