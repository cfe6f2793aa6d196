package dev.carafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carafe.gateway.middleware.Dispatcher;
import dev.carafe.gateway.middleware.ProxyFix;
import dev.carafe.gateway.middleware.RequestLog;
import dev.carafe.gateway.middleware.StaticFiles;
import dev.carafe.gateway.validator.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional Lifespan interface: combining, forwarding through middleware, and failures. */
class LifespanTest {

    private final List<String> events = new ArrayList<>();

    /** An application that records its lifespan in {@link #events}, and can fail to start. */
    final class Recording implements Application, Lifespan {
        private final String name;
        private final boolean failsToStart;

        Recording(String name, boolean failsToStart) {
            this.name = name;
            this.failsToStart = failsToStart;
        }

        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
            startResponse.start("204 No Content", List.of());
            return List.of();
        }

        @Override
        public void started() throws Exception {
            if (failsToStart) {
                throw new java.io.IOException(name + " cannot start");
            }
            events.add(name + " started");
        }

        @Override
        public void stopping() {
            events.add(name + " stopping");
        }
    }

    private Recording recording(String name) {
        return new Recording(name, false);
    }

    @Test
    void startAndStopIgnoreApplicationsWithoutALifespan() throws Exception {
        Application plain = (environ, startResponse) -> List.of();
        Lifespan.start(plain);
        Lifespan.stop(plain);
        assertSame(plain, Lifespan.forward(plain, plain));
    }

    @Test
    void combinedLifespansStartInOrderAndStopInReverse() throws Exception {
        Lifespan both = Lifespan.of(recording("a"), (environ, startResponse) -> List.of(), recording("b"));
        both.started();
        both.stopping();
        assertEquals(List.of("a started", "b started", "b stopping", "a stopping"), events);
    }

    @Test
    void whenOneFailsToStartThoseAlreadyStartedAreStoppedAndTheFailureRethrown() {
        Lifespan all = Lifespan.of(recording("a"), recording("b"), new Recording("c", true), recording("d"));
        Exception failure = assertThrows(java.io.IOException.class, all::started);
        assertEquals("c cannot start", failure.getMessage());
        assertEquals(List.of("a started", "b started", "b stopping", "a stopping"), events);
    }

    @Test
    void everyMiddlewareOfCarafeForwardsTheLifespanOfTheApplicationItWraps() throws Exception {
        List<Middleware> layers = List.of(ProxyFix.builder().xFor(1).build(), RequestLog.to(line -> { }),
                StaticFiles.builder().directory("/static", Path.of("src", "test")).build(), Validator.create());
        for (Middleware layer : layers) {
            events.clear();
            Application wrapped = layer.wrap(recording("app"));
            assertTrue(wrapped instanceof Lifespan, layer.getClass().getSimpleName());
            Lifespan.start(wrapped);
            Lifespan.stop(wrapped);
            assertEquals(List.of("app started", "app stopping"), events, layer.getClass().getSimpleName());
        }
    }

    @Test
    void aDispatcherStartsItsDefaultApplicationThenEachMountAndStopsThemInReverse() throws Exception {
        Dispatcher site = Dispatcher.builder().mount("/api", recording("api")).build(recording("site"));
        site.started();
        site.stopping();
        assertEquals(List.of("site started", "api started", "api stopping", "site stopping"), events);
    }

    @Test
    void chainForwardsTheLifespanThroughLayersThatDoNotForwardIt() throws Exception {
        Middleware forgetful = next -> (environ, startResponse) -> next.call(environ, startResponse);
        Application app = Middleware.chain(recording("app"), forgetful, ProxyFix.builder().build(), forgetful);
        Lifespan.start(app);
        Lifespan.stop(app);
        assertEquals(List.of("app started", "app stopping"), events);
    }

    @Test
    void aForwardingWrapperStillAnswersRequestsWithTheWrapper() throws Exception {
        Application wrapper = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return List.of("wrapper".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
        Application forwarding = Lifespan.forward(wrapper, recording("inner"));
        Iterable<byte[]> body = forwarding.call(new java.util.HashMap<>(), (status, headers, excInfo) -> chunk -> { });
        assertEquals("wrapper", new String(body.iterator().next(), java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(events.contains("inner started"));
    }

    @Test
    void theDocumentedCounterRunsItsTimerForTheServersLifeAndThePoweredByMiddlewareForwardsIt() throws Exception {
        LifespanSnippets.Counter counter = new LifespanSnippets.Counter();
        Application app = LifespanSnippets.POWERED_BY.wrap(counter);
        Lifespan.start(app);
        assertTrue(LifespanSnippets.running(counter));
        List<Header> sent = new ArrayList<>();
        app.call(new java.util.HashMap<>(), (status, headers, excInfo) -> {
            sent.addAll(headers);
            return chunk -> { };
        });
        Lifespan.stop(app);
        assertFalse(LifespanSnippets.running(counter));
        assertTrue(sent.contains(new Header("X-Powered-By", "Carafe")), sent.toString());
    }
}
