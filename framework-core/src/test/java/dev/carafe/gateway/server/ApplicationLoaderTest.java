package dev.carafe.gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carafe.gateway.Application;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationLoaderTest {

    private static final String HELLO = CommandLineApps.Hello.class.getName();
    private static final String APPS = CommandLineApps.class.getName();

    private static Application load(String spec) throws CommandLineException {
        return ApplicationLoader.load(spec, ApplicationLoaderTest.class.getClassLoader());
    }

    private static String failure(String spec) {
        return assertThrows(CommandLineException.class, () -> load(spec)).getMessage();
    }

    private static String body(Application app) throws Exception {
        List<String> status = new ArrayList<>();
        Iterable<byte[]> body = app.call(new HashMap<>(), (s, h, e) -> {
            status.add(s);
            return chunk -> { };
        });
        return new String(body.iterator().next(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPublicStaticFieldNamesTheApplication() throws Exception {
        assertSame(CommandLineApps.Hello.app, load(HELLO + ":app"));
    }

    @Test
    void aPublicStaticNoArgumentMethodBuildsTheApplication() throws Exception {
        assertEquals("method", body(load(HELLO + ":factory")));
    }

    @Test
    void aClassImplementingApplicationIsInstantiated() throws Exception {
        assertInstanceOf(CommandLineApps.Hello.class, load(HELLO));
        assertEquals("class", body(load(HELLO)));
    }

    @Test
    void aMemberThatNamesNothingFallsBackToTheApplicationClass() throws Exception {
        assertInstanceOf(CommandLineApps.Hello.class, load(HELLO + ":application"));
    }

    @Test
    void theDocumentedExampleLoadsByFieldAndByMethod() throws Exception {
        String hello = ServerCliDocsSnippets.Hello.class.getName();
        assertSame(ServerCliDocsSnippets.Hello.app, load(hello + ":app"));
        assertSame(ServerCliDocsSnippets.Hello.app, load(hello + ":create"));
        assertEquals("Hello, World!", body(load(hello + ":app")));
    }

    @Test
    void anUnknownClassSaysToCheckTheClasspath() {
        assertEquals("class not found: com.example.Helo (is it on the classpath? -cp must list the folder or jar "
                + "that holds it)", failure("com.example.Helo:app"));
    }

    @Test
    void anUnknownMemberSaysWhatIsExpected() {
        assertEquals("no member 'app' in " + APPS + "$Plain: expected a public static field or no-argument method "
                + "returning an Application", failure(APPS + "$Plain:app"));
    }

    @Test
    void aMemberOfTheWrongTypeSaysWhatItIs() {
        assertEquals("field 'text' in " + HELLO + " is a java.lang.String, not a dev.carafe.gateway.Application",
                failure(HELLO + ":text"));
        assertEquals("field 'nothing' in " + HELLO + " is null, not a dev.carafe.gateway.Application",
                failure(HELLO + ":nothing"));
        assertEquals("method 'wrongFactory()' in " + HELLO + " returned a java.lang.Integer, not a "
                + "dev.carafe.gateway.Application", failure(HELLO + ":wrongFactory"));
        assertEquals("member 'instanceField' in " + HELLO + " is not static: expected a public static field or "
                + "no-argument method returning an Application", failure(HELLO + ":instanceField"));
    }

    @Test
    void aFailingFactoryShowsItsCause() {
        assertEquals(HELLO + ".failingFactory() failed: java.lang.IllegalStateException: database unreachable",
                failure(HELLO + ":failingFactory"));
        assertEquals("new " + APPS + "$Broken() failed: java.lang.IllegalStateException: no configuration",
                failure(APPS + "$Broken"));
    }

    @Test
    void aClassWithoutAUsableConstructorOrNotAnApplicationIsRefused() {
        assertEquals(APPS + "$NeedsArgument implements Application but has no public no-argument constructor: "
                + "add one, or name a member (" + APPS + "$NeedsArgument:app)", failure(APPS + "$NeedsArgument"));
        assertEquals(APPS + "$Plain is not an Application: name a member (" + APPS + "$Plain:app) or implement "
                + "dev.carafe.gateway.Application", failure(APPS + "$Plain"));
    }

    @Test
    void aMalformedNameIsRefused() {
        assertEquals("the application must be CLASS or CLASS:MEMBER, for example com.example.Hello:app; got 'a:b:c'",
                failure("a:b:c"));
        assertEquals("the application must be CLASS or CLASS:MEMBER, for example com.example.Hello:app; got ':app'",
                failure(":app"));
    }
}
