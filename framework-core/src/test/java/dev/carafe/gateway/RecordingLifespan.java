package dev.carafe.gateway;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A test application that records {@code started}, {@code request} and {@code stopping} in a list,
 * answers requests with another application, and can be made to fail at start.
 */
public final class RecordingLifespan implements Application, Lifespan {

    private final List<String> events;
    private final Application requests;
    private final Optional<Exception> startFailure;

    private RecordingLifespan(List<String> events, Application requests, Optional<Exception> startFailure) {
        this.events = Objects.requireNonNull(events, "events");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.startFailure = startFailure;
    }

    /**
     * @param events where to record; a thread-safe list when servers call it
     * @param requests answers the requests
     * @return the recording application
     */
    public static RecordingLifespan of(List<String> events, Application requests) {
        return new RecordingLifespan(events, requests, Optional.empty());
    }

    /**
     * @param failure what {@code started()} throws
     * @return a copy whose start fails
     */
    public RecordingLifespan failingToStart(Exception failure) {
        return new RecordingLifespan(events, requests, Optional.of(failure));
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        events.add("request");
        return requests.call(environ, startResponse);
    }

    @Override
    public void started() throws Exception {
        if (startFailure.isPresent()) {
            throw startFailure.get();
        }
        events.add("started");
    }

    @Override
    public void stopping() {
        events.add("stopping");
    }
}
