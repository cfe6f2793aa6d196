/**
 * flaskr, Flask's tutorial blog, ported to Carafe: users register and log in, write, edit and delete
 * posts. The same routes, forms, messages and SQLite database as Flask's version.
 *
 * <pre>{@code
 * App app = Flaskr.createApp();                        // config from FLASKR_* and instance/
 * System.exit(app.cli("run", "--port", "5000"));       // or init-db, routes
 * }</pre>
 *
 * <p>{@link dev.carafe.flaskr.Flaskr} is the application factory; {@link dev.carafe.flaskr.Database}
 * the connection kept per app context; {@link dev.carafe.flaskr.Passwords} Werkzeug-compatible
 * password hashes. The step-by-step guide is {@code docs/tutorial.md}.
 */
package dev.carafe.flaskr;
