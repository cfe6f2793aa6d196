package dev.carafe.templates;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.escaper.EscaperNodeVisitor;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * Autoescaping decided per template, as Flask's {@code select_jinja_autoescape}: on for names
 * ending in {@code .html}, {@code .htm}, {@code .xml}, {@code .xhtml} and {@code .svg} and for
 * string templates, off for every other name ({@code .txt}, {@code .md}, ...). Each template is
 * compiled with its own setting, so a text template included in an HTML page is not escaped, and
 * {@code {% autoescape %}} blocks still switch it inside a template. Pebble's global setting is
 * off; this visitor does the escaping.
 */
final class Autoescape implements NodeVisitorFactory {

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        String name = template.getName();
        boolean on = TemplateNames.isString(name) || TemplateNames.escaped(name);
        return new EscaperNodeVisitor((PebbleTemplateImpl) template, on);
    }
}
