package dev.carafe.templates;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import io.pebbletemplates.pebble.utils.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code if} tag with Jinja's meaning: conditions are truth-tested ({@link Truthiness}), so
 * {@code {% if g.user %}}, {@code {% if posts %}} and {@code {% if not request.form['title'] %}}
 * work on maps, records, lists and strings; Jinja's {@code elif} is accepted next to Pebble's
 * {@code elseif}. It replaces Pebble's own {@code if}, which accepts only booleans, numbers and
 * the strings "true" and "false".
 */
final class JinjaIfParser implements TokenParser {

    @Override
    public String getTag() {
        return "if";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
        TokenStream stream = parser.getStream();
        int line = token.getLineNumber();
        stream.next();
        List<Pair<Expression<?>, BodyNode>> branches = new ArrayList<>();
        branches.add(branch(parser));
        BodyNode otherwise = null;
        while (true) {
            Token current = stream.current();
            String tag = current.getValue();
            if (current.test(Token.Type.NAME, "elif", "elseif")) {
                stream.next();
                branches.add(branch(parser));
            } else if (current.test(Token.Type.NAME, "else")) {
                stream.next();
                stream.expect(Token.Type.EXECUTE_END);
                otherwise = parser.subparse(next -> next.test(Token.Type.NAME, "endif"));
            } else if (current.test(Token.Type.NAME, "endif")) {
                stream.next();
                stream.expect(Token.Type.EXECUTE_END);
                return new IfNode(line, branches, otherwise);
            } else {
                throw new ParserException(null, "the 'if' tag opened on line " + line + " is not closed: expected "
                        + "'elif', 'else' or 'endif'" + (tag == null ? " before the end of the template" : ", found '"
                        + tag + "'"), current.getLineNumber(), stream.getFilename());
            }
        }
    }

    private static Pair<Expression<?>, BodyNode> branch(Parser parser) {
        Expression<?> condition = TruthyExpression.of(parser.getExpressionParser().parseExpression());
        parser.getStream().expect(Token.Type.EXECUTE_END);
        BodyNode body = parser.subparse(next -> next.test(Token.Type.NAME, "elif", "elseif", "else", "endif"));
        return new Pair<>(condition, body);
    }
}
