package dev.carafe.templates;

import java.util.Objects;

/**
 * Markup that is printed as it is, never escaped: Jinja's {@code Markup}. Put it in a model, or
 * return it from a filter or function, when the HTML is trusted (written by you, or built from
 * escaped parts); anything else is escaped in HTML, XML and SVG templates.
 *
 * <pre>{@code
 * templates.render("page.html", Map.of(
 *         "title", "<b>Bold</b>",                        // printed as &lt;b&gt;Bold&lt;/b&gt;
 *         "banner", new SafeHtml("<b>Welcome</b>")));    // printed as <b>Welcome</b>
 * }</pre>
 *
 * <p>Inside a template, the {@code safe} (Jinja's name) and {@code raw} (Pebble's) filters do the
 * same to a value: {@code {{ post.html | safe }}}.
 *
 * @param html the markup
 */
public record SafeHtml(String html) {

    /**
     * Wraps markup.
     *
     * @throws NullPointerException if the markup is null
     */
    public SafeHtml {
        Objects.requireNonNull(html, "html");
    }

    /** @return the markup itself, so that a template prints it as it is */
    @Override
    public String toString() {
        return html;
    }
}
