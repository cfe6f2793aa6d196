package dev.carafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueprintHooksTest {

    private final List<String> calls = new ArrayList<>();

    private BeforeRequest before(String name) {
        return request -> {
            calls.add("before " + name);
            return Optional.empty();
        };
    }

    private AfterRequest after(String name) {
        return (request, response) -> {
            calls.add("after " + name);
            return response;
        };
    }

    private Teardown<Request> teardown(String name) {
        return (request, error) -> calls.add("teardown " + name);
    }

    private Blueprint hooked(String name) {
        return new Blueprint(name).beforeRequest(before(name)).afterRequest(after(name))
                .teardownRequest(teardown(name));
    }

    @Test
    void appHooksRunAroundBlueprintHooksInFlasksOrder() {
        Blueprint parent = hooked("parent").urlPrefix("/parent");
        Blueprint child = hooked("child").urlPrefix("/child");
        child.get("/x", request -> {
            calls.add("handler");
            return "ok";
        });
        parent.register(child);
        App app = new App();
        app.beforeRequest(before("app")).afterRequest(after("app")).teardownRequest(teardown("app"));
        app.register(parent);

        app.testClient().get("/parent/child/x");

        assertEquals(List.of("before app", "before parent", "before child", "handler", "after child",
                "after parent", "after app", "teardown child", "teardown parent", "teardown app"), calls);
    }

    @Test
    void blueprintHooksRunOnlyForTheBlueprintsOwnRequests() {
        Blueprint auth = hooked("auth").urlPrefix("/auth");
        auth.get("/login", request -> "login");
        App app = new App().register(auth);
        app.get("/", request -> "home");

        app.testClient().get("/");
        app.testClient().get("/auth/missing");
        assertEquals(List.of(), calls);

        app.testClient().get("/auth/login");
        assertEquals(List.of("before auth", "after auth", "teardown auth"), calls);
    }

    @Test
    void appWideHooksFromABlueprintRunForEveryRequestOnce() {
        Blueprint auth = new Blueprint("auth").urlPrefix("/auth");
        auth.get("/login", request -> "login");
        auth.beforeAppRequest(before("app-wide")).afterAppRequest(after("app-wide"))
                .teardownAppRequest(teardown("app-wide"));
        App app = new App()
                .register(auth)
                .register(auth, BlueprintOptions.named("auth2").withUrlPrefix("/auth2"));
        app.get("/", request -> "home");

        app.testClient().get("/");
        app.testClient().get("/nowhere");

        assertEquals(List.of("before app-wide", "after app-wide", "teardown app-wide",
                "before app-wide", "after app-wide", "teardown app-wide"), calls);
    }

    @Test
    void aBlueprintBeforeFunctionCanAnswerTheRequest() {
        Blueprint admin = new Blueprint("admin").urlPrefix("/admin");
        admin.get("/", request -> "secret");
        admin.beforeRequest(request -> request.g().containsKey("user") ? Optional.empty()
                : Optional.of(Response.redirect(request.urlFor("login", Map.of()))));
        App app = new App().register(admin);
        app.get("/login", request -> "login");

        assertEquals(Optional.of("/login"), app.testClient().request("GET", "/admin/").followRedirects(false)
                .send().header("Location"));
    }

    @Test
    void hooksOfABlueprintRegisteredTwiceRunUnderEachName() {
        Blueprint api = new Blueprint("api").urlPrefix("/api");
        api.get("/ping", request -> "pong");
        api.beforeRequest(request -> {
            calls.add("before " + request.blueprint().orElseThrow());
            return Optional.empty();
        });
        App app = new App().register(api).register(api, BlueprintOptions.named("v2").withUrlPrefix("/v2"));

        app.testClient().get("/api/ping");
        app.testClient().get("/v2/ping");

        assertEquals(List.of("before api", "before v2"), calls);
    }
}
