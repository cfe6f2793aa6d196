package dev.carafe.templates;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/** A condition evaluated with Jinja's truth test ({@link Truthiness}), so that {@code {% if g.user %}} works on any value. */
final class TruthyExpression implements Expression<Boolean> {

    private final Expression<?> condition;

    private TruthyExpression(Expression<?> condition) {
        this.condition = condition;
    }

    /**
     * Rewrites a parsed condition so that it and the operands of its {@code and}, {@code or} and
     * {@code not} are truth-tested rather than required to be booleans.
     */
    static Expression<?> of(Expression<?> condition) {
        if (condition instanceof AndExpression || condition instanceof OrExpression) {
            BinaryExpression<?> logical = (BinaryExpression<?>) condition;
            logical.setLeft(of(logical.getLeftExpression()));
            logical.setRight(of(logical.getRightExpression()));
            return condition;
        }
        if (condition instanceof UnaryNotExpression not) {
            not.setChildExpression(of(not.getChildExpression()));
            return condition;
        }
        return condition instanceof TruthyExpression ? condition : new TruthyExpression(condition);
    }

    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
        return Truthiness.of(condition.evaluate(self, context));
    }

    @Override
    public int getLineNumber() {
        return condition.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
        condition.accept(visitor);
    }
}
