/**
 * The gateway validator: a middleware that checks servers and applications against the 40 rules
 * of the gateway contract, as {@code wsgiref.validate} and Werkzeug's lint do for WSGI.
 *
 * <pre>{@code
 * List<String> warnings = new ArrayList<>();
 * Application checked = Validator.create(warnings::add).wrap(app);
 * // serve or test `checked`: a broken rule throws a GatewayViolation naming it, e.g.
 * // "Gateway rule 16 (status line): the status \"200OK\" is not three digits, ..."
 * }</pre>
 *
 * <p>The test client ({@code dev.carafe.gateway.testing}) wraps every application in a validator by
 * default. The rule table is in {@code docs/validator.md}.
 */
package dev.carafe.gateway.validator;
