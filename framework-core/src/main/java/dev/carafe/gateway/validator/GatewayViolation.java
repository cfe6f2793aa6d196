package dev.carafe.gateway.validator;

/**
 * Thrown by the {@link Validator} when a server or an application breaks one of the error rules
 * of the gateway contract.
 *
 * <p>The message names the rule, shows the offending value, says what was expected and how to fix
 * it, for example {@code Gateway rule 16 (status line): the status "200OK" is not three digits, a
 * space and a reason phrase; expected something like "200 OK". Fix the string passed to
 * StartResponse.start.} The rule numbers are those of {@code docs/validator.md}.
 */
public final class GatewayViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int rule;

    GatewayViolation(int rule, String message) {
        super(message);
        this.rule = rule;
    }

    /**
     * The number of the broken rule, from 1 to 40.
     *
     * @return the rule number, as listed in {@code docs/validator.md}
     */
    public int rule() {
        return rule;
    }
}
