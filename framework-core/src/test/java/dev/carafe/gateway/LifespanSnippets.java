package dev.carafe.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The Lifespan code of docs/gateway.md, compiled and run by LifespanTest. */
final class LifespanSnippets {

    private LifespanSnippets() {
    }

    // tag::lifespan[]
    /** Counts requests, and logs the count every minute from a timer that lives as long as the server. */
    static final class Counter implements Application, Lifespan {
        private final AtomicInteger requests = new AtomicInteger();
        private ScheduledExecutorService timer;

        @Override
        public void started() {
            timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(() -> System.out.println(requests.get() + " requests"), 1, 1, TimeUnit.MINUTES);
        }

        @Override
        public void stopping() {
            timer.shutdown();
        }

        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
            byte[] body = ("request " + requests.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
            return List.of(body);
        }
    }
    // end::lifespan[]

    // tag::forward[]
    /** Adds a header to every response; forwards the lifespan of the application it wraps. */
    static final Middleware POWERED_BY = next -> Lifespan.forward((environ, startResponse) ->
            next.call(environ, (status, headers, excInfo) -> {
                List<Header> more = new java.util.ArrayList<>(headers);
                more.add(new Header("X-Powered-By", "Carafe"));
                return startResponse.start(status, more, excInfo);
            }), next);
    // end::forward[]

    /** @return whether the counter's timer runs */
    static boolean running(Counter counter) {
        return counter.timer != null && !counter.timer.isShutdown();
    }
}
