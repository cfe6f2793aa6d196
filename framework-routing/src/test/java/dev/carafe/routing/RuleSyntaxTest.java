package dev.carafe.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bad rules fail when they are added, naming the rule, the position and the fix. */
class RuleSyntaxTest {

    private static String error(String pattern) {
        return assertThrows(IllegalArgumentException.class, () -> new Router().add(Rule.of(pattern, "e")))
                .getMessage();
    }

    @Test
    void aRuleMustStartWithASlash() {
        assertEquals("Invalid rule 'users' at position 0: a rule must start with '/'; write '/users'.", error("users"));
    }

    @Test
    void anUnclosedVariableNamesWhereItOpens() {
        assertEquals("Invalid rule '/users/<id' at position 7: '<' is never closed; close the variable with '>', "
                + "e.g. <id>.", error("/users/<id"));
    }

    @Test
    void aStrayClosingBracketIsRejected() {
        assertEquals("Invalid rule '/users/id>' at position 9: '>' has no matching '<'; write variables as <name> "
                + "or <converter:name>.", error("/users/id>"));
    }

    @Test
    void aNestedOpeningBracketIsRejected() {
        assertEquals("Invalid rule '/<a<b>>' at position 3: unexpected '<' in the variable that starts at position 1;"
                + " write <name>, <converter:name> or <converter(arguments):name>.", error("/<a<b>>"));
    }

    @Test
    void anUnknownConverterListsTheKnownOnesAndSuggestsTheClosest() {
        assertEquals("Invalid rule '/u/<integer:id>' at position 4: unknown converter 'integer' (did you mean 'int'?);"
                + " known converters: any, float, int, path, string, uuid. Register custom converters with "
                + "app.converter(name, converter), or Router.converter(name, converter) on a router of your own, "
                + "before adding rules.", error("/u/<integer:id>"));
    }

    @Test
    void aVariableUsedTwiceIsRejected() {
        assertEquals("Invalid rule '/<id>/<id>' at position 6: variable 'id' is used twice; give each variable its own "
                + "name.", error("/<id>/<id>"));
    }

    @Test
    void aVariableNameStartingWithADigitIsRejected() {
        assertEquals("Invalid rule '/u/<1d>' at position 4: '1d' is not a valid name; use ASCII letters, digits and "
                + "'_', not starting with a digit, e.g. <id>.", error("/u/<1d>"));
    }

    @Test
    void aMissingVariableNameIsRejected() {
        assertEquals("Invalid rule '/x/<int:>' at position 8: expected the variable name after 'int:'; names use "
                + "letters, digits and '_', e.g. <id> or <int:id>.", error("/x/<int:>"));
    }

    @Test
    void anUnknownConverterArgumentListsTheAcceptedOnes() {
        assertEquals("Invalid rule '/<int(mn=1):n>' at position 6: converter 'int' has no argument 'mn'; it accepts "
                + "fixed_digits, min, max, signed.", error("/<int(mn=1):n>"));
        assertEquals("Invalid rule '/<float(fixed_digits=3):f>' at position 8: converter 'float' has no argument "
                + "'fixed_digits'; it accepts min, max, signed.", error("/<float(fixed_digits=3):f>"));
    }

    @Test
    void aConverterArgumentOfTheWrongTypeShowsAnExample() {
        assertEquals("Invalid rule '/<int(min=x):n>' at position 6: converter 'int': min must be an integer, got 'x'; "
                + "for example min=3.", error("/<int(min=x):n>"));
    }

    @Test
    void contradictoryConverterArgumentsAreRejected() {
        assertEquals("Invalid rule '/<int(min=5,max=1):n>' at position 6: converter 'int': min 5 is greater than max 1;"
                + " swap them.", error("/<int(min=5,max=1):n>"));
        assertEquals("Invalid rule '/<string(length=2, minlength=1):s>' at position 9: converter 'string': give either "
                + "length or minlength/maxlength, not both.", error("/<string(length=2, minlength=1):s>"));
        assertEquals("Invalid rule '/<any():k>' at position 6: converter 'any' needs at least one item, e.g. "
                + "<any(about,help):page>.", error("/<any():k>"));
    }

    @Test
    void mistakesInTheArgumentListAreNamed() {
        assertEquals("Invalid rule '/<int(min=1,):n>' at position 6: the argument list ends with ','; remove the "
                + "trailing comma.", error("/<int(min=1,):n>"));
        assertEquals("Invalid rule '/<int(min=1, 3):n>' at position 6: positional value 3 follows a keyword argument; "
                + "put positional values first.", error("/<int(min=1, 3):n>"));
        assertEquals("Invalid rule '/<int(min=1, min=2):n>' at position 6: argument 'min' is given twice; keep one.",
                error("/<int(min=1, min=2):n>"));
        assertEquals("Invalid rule '/<int(min=1 max=2):n>' at position 6: expected ',' between arguments at 'max=2'.",
                error("/<int(min=1 max=2):n>"));
        assertEquals("Invalid rule '/<int(3, fixed_digits=2):n>' at position 6: argument 'fixed_digits' is given both "
                + "by position and by name; keep one.", error("/<int(3, fixed_digits=2):n>"));
        assertEquals("Invalid rule '/<int(signed=yes):n>' at position 6: converter 'int': signed must be true or false,"
                + " got 'yes'.", error("/<int(signed=yes):n>"));
        assertEquals("Invalid rule '/<float(min=a):f>' at position 8: converter 'float': min must be a number, got 'a';"
                + " for example min=1.5.", error("/<float(min=a):f>"));
    }

    @Test
    void argumentsToAConverterThatTakesNoneAreRejected() {
        assertEquals("Invalid rule '/<uuid(3):u>' at position 7: converter 'uuid' takes no arguments; write "
                + "<uuid:variable>.", error("/<uuid(3):u>"));
    }

    @Test
    void anUnclosedArgumentListIsRejected() {
        assertEquals("Invalid rule '/<int(min=1:n>' at position 5: '(' is never closed; close the converter arguments "
                + "with ')', e.g. <int(min=1):id>.", error("/<int(min=1:n>"));
    }

    @Test
    void anEmptySegmentIsRejectedUnlessSlashMergingIsOff() {
        assertEquals("Invalid rule '/a//b' at position 3: empty segment '//'; write '/a/b', or use "
                + "withMergeSlashes(false) to match repeated slashes literally.", error("/a//b"));
        Router literal = new Router().add(Rule.of("/a//b", "e").withMergeSlashes(false));
        assertEquals("e", ((RouteMatch.Found) literal.match("GET", "/a//b")).endpoint());
    }

    @Test
    void converterArgumentsAcceptPositionalKeywordQuotedAndBooleanValues() {
        Router router = new Router()
                .add(Rule.of("/a/<int(3, min=1, signed=True):n>", "a"))
                .add(Rule.of("/b/<any(\"x y\", 'z'):k>", "b"));
        assertEquals("/a/005", router.build("a", java.util.Map.of("n", 5)));
        assertEquals("/b/x%20y", router.build("b", java.util.Map.of("k", "x y")));
    }

    @Test
    void aBadMethodNameIsRejected() {
        assertEquals("Rule '/x' has an invalid method 'GET POST'; use HTTP method names such as GET or POST.",
                assertThrows(IllegalArgumentException.class, () -> Rule.of("/x", "x").withMethods("GET POST"))
                        .getMessage());
    }

    @Test
    void aHostOnARouterThatDoesNotMatchHostsIsRejected() {
        assertEquals("Rule '/' (GET) -> e has a host, but the router does not match hosts; call router.hostMatching()"
                + " before adding rules.", assertThrows(IllegalArgumentException.class,
                        () -> new Router().add(Rule.of("/", "e").withHost("example.com"))).getMessage());
    }
}
