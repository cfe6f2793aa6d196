package dev.carafe.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.App;
import dev.carafe.Blueprint;
import dev.carafe.BlueprintOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blueprints' template folders: searched after the app's, in registration order. */
class BlueprintTemplatesTest {

    @TempDir
    Path folder;

    private static Blueprint auth() {
        return new Blueprint("auth").urlPrefix("/auth").templateFolder("classpath:bp/auth/templates");
    }

    private static Blueprint admin() {
        return new Blueprint("admin").urlPrefix("/admin").templateFolder("classpath:bp/admin/templates/");
    }

    @Test
    void aBlueprintsTemplateIsFoundAfterTheAppsFolderAndSeesItsRequest() {
        App app = new App();
        Templates templates = Templates.create(app);
        Blueprint auth = auth();
        auth.get("/login", request -> templates.render("auth/login.html", Map.of()));
        app.register(auth);

        assertEquals("auth login at /auth/login for auth\n", app.testClient().get("/auth/login").text());
    }

    @Test
    void theAppsTemplateWinsOverABlueprintsTemplateOfTheSameName() {
        App app = new App();
        app.register(auth());

        assertEquals("<p>x</p>\n", Templates.create(app).renderToString("page.html", Map.of("text", "x")));
    }

    @Test
    void blueprintsAreSearchedInTheOrderTheyWereRegistered() {
        App authFirst = new App();
        Templates authFirstTemplates = Templates.create(authFirst);
        Blueprint auth = auth();
        auth.get("/login", request -> authFirstTemplates.render("auth/login.html", Map.of()));
        authFirst.register(auth);
        authFirst.register(admin());
        App adminFirst = new App();
        adminFirst.register(admin());
        adminFirst.register(auth());

        assertEquals("auth login at /auth/login for auth\n", authFirst.testClient().get("/auth/login").text());
        assertEquals("admin login\n", Templates.create(adminFirst).renderToString("auth/login.html", Map.of()));
    }

    @Test
    void aLayoutIsFoundInTheBlueprintThatExtendsIt() {
        App app = new App();
        app.register(admin());

        assertEquals("<admin>admin index</admin>\n", Templates.create(app).renderToString("admin/index.html", Map.of()));
    }

    @Test
    void aMissingTemplateListsTheAppsFolderAndEachBlueprintsOnce() {
        App app = new App();
        Blueprint auth = auth();
        app.register(auth);
        app.register(auth, BlueprintOptions.named("auth2").withUrlPrefix("/auth2"));
        app.register(admin());

        TemplateException e = assertThrows(TemplateException.class,
                () -> Templates.create(app).renderToString("nope.html", Map.of()));

        assertEquals("Template 'nope.html': not found; searched, in order: the app: classpath folder 'templates/'; "
                + "blueprint 'auth': classpath folder 'bp/auth/templates/'; blueprint 'admin': classpath folder "
                + "'bp/admin/templates/'.", e.getMessage());
    }

    @Test
    void aBlueprintsFolderOnTheFileSystemIsSearchedToo() throws IOException {
        Files.writeString(folder.resolve("hello.txt"), "hello from the file system");
        App app = new App();
        app.register(new Blueprint("files").templateFolder(folder.toString()));

        assertEquals("hello from the file system", Templates.create(app).renderToString("hello.txt", Map.of()));
    }

    @Test
    void aBlueprintsFolderThatIsNotADirectorySaysHowToFixIt() {
        App app = new App();
        app.register(new Blueprint("auth").templateFolder("auth/templates"));
        Templates templates = Templates.create(app);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.renderToString("auth/login.html", Map.of()));

        assertEquals("Blueprint 'auth' has the template folder 'auth/templates' (absolute: '"
                + Path.of("auth/templates").toAbsolutePath() + "'), which is not a directory. Create it, fix the path, "
                + "or use \"classpath:<folder>\" for a folder of classpath resources (src/main/resources/<folder>).",
                e.getMessage());
    }

    @Test
    void aBlueprintsResourceFolderThatCouldLeaveTheClasspathRootIsRefused() {
        App app = new App();
        app.register(new Blueprint("auth").templateFolder("classpath:../templates"));
        Templates templates = Templates.create(app);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.renderToString("page.html", Map.of()));

        assertEquals("Blueprint 'auth' has the template folder 'classpath:../templates', which is not a usable "
                + "resource folder: it has an empty, '.' or '..' segment; names cannot leave the template folders. "
                + "Write it as \"classpath:auth/templates\".", e.getMessage());
    }
}
