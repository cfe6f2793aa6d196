package dev.carafe;

import dev.carafe.gateway.Application;
import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;
import tools.jackson.core.TreeNode;

/**
 * Turns what a handler returned into a {@link Response}: Flask's {@code make_response}, shaped for
 * Java types.
 *
 * <table>
 *   <caption>Return values</caption>
 *   <tr><th>Returned</th><th>Response</th></tr>
 *   <tr><td>{@link Response}</td><td>sent as it is</td></tr>
 *   <tr><td>{@code String}, any {@link CharSequence}</td><td>200, {@code text/html; charset=utf-8}</td></tr>
 *   <tr><td>{@code byte[]}</td><td>200, {@code application/octet-stream}</td></tr>
 *   <tr><td>{@link InputStream}</td><td>200, {@code application/octet-stream}, streamed, closed once</td></tr>
 *   <tr><td>a {@link java.util.stream.Stream}, an {@link Iterable} that is not a {@link Collection}
 *       (nor a Jackson tree such as {@code JsonNode}, which is JSON)</td>
 *       <td>200, streamed element by element (see {@link StreamedElements}); closed at the end</td></tr>
 *   <tr><td>{@link Optional}</td><td>empty: 404 Not Found; present: its value, converted</td></tr>
 *   <tr><td>{@link HttpError}</td><td>thrown, as if the handler had thrown it</td></tr>
 *   <tr><td>a record, {@code Map}, {@code Collection}, array, number, boolean, Jackson tree, POJO</td>
 *       <td>200, {@code application/json}, written by the App's JSON codec</td></tr>
 *   <tr><td>{@code null}</td><td>an {@link IllegalStateException} naming the handler (500)</td></tr>
 * </table>
 *
 * <p>A few types are refused with an {@link IllegalStateException} that says what to return
 * instead, rather than being written as JSON by accident: {@link Path} and {@link File} (send a
 * file), {@link Reader}, {@link Iterator}, futures, and gateway applications other than a Response.
 */
final class ReturnValues {

    private static final String OCTET_STREAM = "application/octet-stream";

    private ReturnValues() {
    }

    /**
     * Converts a handler's result.
     *
     * @param value what the handler returned
     * @param handlerName the handler's endpoint, for example {@code users.show}, used in errors
     * @return the response
     * @throws HttpError when the value is an HttpError, or an empty Optional (404)
     * @throws IllegalStateException for {@code null} and refused types, naming the handler and the fix
     */
    static Response toResponse(Object value, String handlerName) {
        if (value instanceof Response response) {
            return response;
        }
        if (value instanceof CharSequence text) {
            return Response.html(text.toString());
        }
        if (value instanceof byte[] bytes) {
            return Response.bytes(bytes, OCTET_STREAM);
        }
        if (value == null) {
            throw new IllegalStateException(handler(handlerName) + " returned null; return a value (String, Response, "
                    + "an object for JSON, …) or Response.noContent() for an empty 204.");
        }
        if (value instanceof HttpError error) {
            throw error;
        }
        if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                throw new HttpError.NotFound();
            }
            return toResponse(optional.get(), handlerName);
        }
        if (value instanceof InputStream in) {
            return Response.stream(in, OCTET_STREAM);
        }
        if (value instanceof BaseStream<?, ?> stream) {
            return StreamedElements.of(stream.iterator(), stream, handlerName);
        }
        refuseMistakes(value, handlerName);
        if (value instanceof Iterable<?> iterable && !(value instanceof Collection<?>) && !(value instanceof TreeNode)) {
            return StreamedElements.of(iterable.iterator(), iterable instanceof AutoCloseable c ? c : null, handlerName);
        }
        return Response.json(value);
    }

    /** Names a handler in messages: {@code Handler for endpoint 'users.show'}. */
    static String handler(String handlerName) {
        return "Handler for endpoint " + (handlerName.startsWith("'") ? handlerName : "'" + handlerName + "'");
    }

    private static void refuseMistakes(Object value, String handlerName) {
        String fix;
        if (value instanceof Path || value instanceof File) {
            fix = "to send a file, return Response.sendFile(path) (or Response.sendFromDirectory for user-given names).";
        } else if (value instanceof Reader) {
            fix = "read it into a String, or return an InputStream or a Stream<String> to stream it.";
        } else if (value instanceof Iterator<?>) {
            fix = "return an Iterable or a java.util.stream.Stream instead: they are streamed element by element.";
        } else if (value instanceof Future<?> || value instanceof CompletionStage<?>) {
            fix = "handlers are blocking (they run on their own thread): wait for the result, for example "
                    + "future.join(), and return it.";
        } else if (value instanceof Application) {
            fix = "only a Response is sent as returned; mount other gateway applications with middleware.";
        } else {
            return;
        }
        throw new IllegalStateException(handler(handlerName) + " returned a " + value.getClass().getName()
                + ", which is not a response body: " + fix);
    }
}
