package dev.carafe.gateway.validator;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule 36: the validators stacked on one request, outermost first, each with the number of chunks
 * its body yielded. Kept in the environ under {@link #KEY} so that an inner validator finds the
 * outer one even through a middleware; an outer layer that yields chunk k while the layer below
 * it already yielded more than k chunks reveals a middleware that collects chunks.
 */
final class Layers {

    /** The environ key: a server-defined-style name, so no CGI rule applies to it. */
    static final String KEY = "carafe.validator.layers";

    private final List<long[]> yielded = new ArrayList<>();

    /** Adds a layer below the existing ones and returns its index. */
    int enter() {
        yielded.add(new long[1]);
        return yielded.size() - 1;
    }

    /** Counts a chunk yielded by a layer and returns how many the layer below it yielded so far (0 if none). */
    long yielded(int layer) {
        yielded.get(layer)[0]++;
        return layer + 1 < yielded.size() ? yielded.get(layer + 1)[0] : 0;
    }
}
