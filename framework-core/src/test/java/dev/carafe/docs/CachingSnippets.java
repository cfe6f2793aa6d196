package dev.carafe.docs;

import dev.carafe.App;
import dev.carafe.EntityTag;
import dev.carafe.HttpError;
import dev.carafe.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The code of docs/caching.md; CachingSnippetsTest runs it. */
final class CachingSnippets {

    private CachingSnippets() {
    }

    /** A post of the blog example, with a version that grows with every edit. */
    record Post(int id, String title, int version, Instant updated) {
    }

    static App hashed() {
        App app = new App();
        // tag::hashed[]
        app.get("/report", request -> {
            String report = "total: 42\n";                          // computed, but cheap to send again
            return Response.text(report)
                    .withHashedEtag()                               // rv.add_etag()
                    .conditional(request);                          // rv.make_conditional(request)
        });
        // end::hashed[]
        return app;
    }

    static App versioned(Map<Integer, Post> posts) {
        App app = new App();
        // tag::versioned[]
        app.get("/posts/<int:id>", request -> {
            Post post = posts.get((Integer) request.viewArgs().get("id"));
            if (post == null) {
                throw new HttpError.NotFound();
            }
            return Response.json(post)
                    .withEtag(EntityTag.of("v" + post.version()))   // rv.set_etag("v42")
                    .withLastModified(post.updated())               // rv.last_modified = post.updated
                    .withHeader("Cache-Control", "no-cache")        // kept on the 304
                    .conditional(request);
        });
        // end::versioned[]
        return app;
    }

    static App ranges() {
        App app = new App();
        byte[] log = "line 1\nline 2\nline 3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // tag::ranges[]
        app.get("/log", request -> Response.bytes(log, "text/plain; charset=utf-8")
                .withHashedEtag()
                .conditional(request, true));                       // make_conditional(request, accept_ranges=True)
        // end::ranges[]
        return app;
    }

    static App update(Map<Integer, Post> posts) {
        App app = new App();
        // tag::ifmatch[]
        app.route("/posts/<int:id>", Set.of("PUT"), request -> {
            int id = (Integer) request.viewArgs().get("id");
            Post post = posts.get(id);
            EntityTag current = EntityTag.of("v" + post.version());
            if (!request.ifMatch().isEmpty() && !request.ifMatch().containsStrong(current)) {
                throw HttpError.of(412, "Post " + id + " changed since you read it (now " + current
                        + "); reload it and try again.");
            }
            Post updated = new Post(id, request.form().get("title"), post.version() + 1, Instant.now());
            posts.put(id, updated);
            return Response.json(updated).withEtag(EntityTag.of("v" + updated.version()));
        });
        // end::ifmatch[]
        return app;
    }

    static App headers() {
        App app = new App();
        // tag::headers[]
        app.get("/inspect", request -> String.join("\n",
                "if-none-match: " + request.ifNoneMatch().tags(),           // [W/"v1"]
                "if-match any: " + request.ifMatch().any(),                 // true for If-Match: *
                "if-modified-since: " + request.ifModifiedSince(),          // Optional[2026-11-20T10:15:30Z]
                "if-unmodified-since: " + request.ifUnmodifiedSince(),
                "range: " + request.range(),                                // Optional[[RangeSpec[first=..., last=...]]]
                "user-agent: " + request.userAgent().orElse("unknown")));
        // end::headers[]
        return app;
    }
}
