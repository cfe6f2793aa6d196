/**
 * Templates for Carafe apps: Pebble behind a thin adapter, with Flask's and Jinja's habits. The
 * only package that sees Pebble; apps use {@link dev.carafe.templates.Templates} and a few small
 * types, never Pebble's.
 *
 * <pre>{@code
 * App app = new App().secretKey(secret);
 * Templates templates = Templates.create(app);     // templates/ on the classpath
 * app.get("/", request -> templates.render("index.html", Map.of("posts", posts)));
 * }</pre>
 *
 * <p>{@code templates/index.html}:
 * <pre>{@code
 * {% extends "base.html" %}
 * {% block content %}
 *   {% for post in posts %}
 *     <h1>{{ post.title }}</h1>
 *     <a href="{{ url_for('blog.update', id=post.id) }}">Edit</a>
 *   {% else %}
 *     <p>No posts yet.</p>
 *   {% endfor %}
 * {% endblock %}
 * }</pre>
 *
 * <p>See {@code docs/templates.md} for the lookup order, the template context, escaping, strict
 * mode, errors, streaming and a table of what differs from Jinja.
 */
package dev.carafe.templates;
