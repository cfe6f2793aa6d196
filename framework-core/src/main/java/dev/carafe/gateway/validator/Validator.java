package dev.carafe.gateway.validator;

import dev.carafe.gateway.Application;
import dev.carafe.gateway.Environ;
import dev.carafe.gateway.Lifespan;
import dev.carafe.gateway.Middleware;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A middleware that checks both sides of the gateway contract, in the spirit of Python's
 * {@code wsgiref.validate} and Werkzeug's lint middleware: the environ the server passes in
 * (rules 1 to 14), the status and headers the application starts with (15 to 25), the body it
 * returns and how the server iterates and closes it (26 to 36), and the use of
 * {@code gateway.input} and {@code gateway.errors} (37 to 40), which it replaces with checking
 * wrappers.
 *
 * <p>Error rules throw a {@link GatewayViolation} whose message names the rule, shows the offending
 * value, and says what was expected and how to fix it. Warning rules send such a message to the
 * warning sink and let the request go on. The rules, with the Java adaptations of the Python
 * checks, are listed in {@code docs/validator.md}.
 *
 * <pre>{@code
 * Application checked = Validator.create().wrap(app);                  // warnings to gateway.errors
 * Application strict = Validator.create(warnings::add).wrap(app);      // warnings to a list
 * }</pre>
 *
 * <p>The validator yields exactly one chunk for every chunk of the wrapped body, forwards
 * {@code close()} exactly once and passes {@code excInfo} through, so it may sit anywhere in a
 * chain; two validators around a middleware also check that the middleware yields at least one
 * chunk per upstream chunk (rule 36), through the environ key {@code carafe.validator.layers}.
 * A body that is garbage collected without being closed is reported to the warning sink
 * (rule 31), as no caller is left to throw to.
 */
public final class Validator implements Middleware {

    private final Function<Map<String, Object>, Consumer<String>> sinks;

    private Validator(Function<Map<String, Object>, Consumer<String>> sinks) {
        this.sinks = sinks;
    }

    /**
     * Creates a validator that writes each warning as one line to the request's
     * {@code gateway.errors} (to {@code System.err} if the environ has no usable one).
     *
     * @return the validator
     */
    public static Validator create() {
        return new Validator(environ -> message -> {
            Object errors = environ == null ? null : environ.get(Environ.GATEWAY_ERRORS);
            PrintWriter out = errors instanceof PrintWriter w ? w : new PrintWriter(System.err, true);
            out.println(message);
            out.flush();
        });
    }

    /**
     * Creates a validator that passes each warning to the given consumer, for example a list in a
     * test or a logger.
     *
     * @param warnings receives each warning message; it may be called from any thread that serves
     *     the request, and from a cleaner thread for a body that was never closed
     * @return the validator
     * @throws NullPointerException if {@code warnings} is null
     */
    public static Validator create(Consumer<String> warnings) {
        Objects.requireNonNull(warnings, "warnings");
        return new Validator(environ -> warnings);
    }

    /**
     * Wraps an application in the checks.
     *
     * @param next the application to check
     * @return an application that checks the environ, calls {@code next} with checking wrappers,
     *     and returns a checking body
     * @throws NullPointerException if {@code next} is null
     */
    @Override
    public Application wrap(Application next) {
        Objects.requireNonNull(next, "next");
        return Lifespan.forward((environ, startResponse) -> {
            Consumer<String> warnings = sinks.apply(environ);
            EnvironCheck.check(environ, warnings);
            boolean terminated = Boolean.TRUE.equals(environ.get(Environ.GATEWAY_INPUT_TERMINATED));
            environ.put(Environ.GATEWAY_INPUT,
                    new InputCheck((InputStream) environ.get(Environ.GATEWAY_INPUT), terminated, warnings));
            environ.put(Environ.GATEWAY_ERRORS, new ErrorsCheck((PrintWriter) environ.get(Environ.GATEWAY_ERRORS)));
            Layers layers = environ.get(Layers.KEY) instanceof Layers l ? l : new Layers();
            environ.put(Layers.KEY, layers);
            int layer = layers.enter();
            Exchange exchange = new Exchange(warnings, "HEAD".equals(environ.get(Environ.REQUEST_METHOD)));
            Iterable<byte[]> body = next.call(environ, new StartCheck(startResponse, exchange));
            if (body == null) {
                throw Rule.BODY_RETURNED.violation("the application returned null as its body; expected an "
                        + "Iterable<byte[]>, List.of() for no body. Return an empty list instead of null.");
            }
            return new BodyCheck(body, exchange, layers, layer);
        }, next);
    }
}
