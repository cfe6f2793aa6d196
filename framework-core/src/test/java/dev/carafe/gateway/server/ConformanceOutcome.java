package dev.carafe.gateway.server;

import java.util.List;
import java.util.Set;

/** What the server must do with a vector's bytes. */
sealed interface ConformanceOutcome {

    /** @return the requests the server must answer, through the echo application, before anything else */
    List<ConformanceRequest> answered();

    /**
     * Every request is answered by the application with what it received.
     *
     * @param answered the requests, in order
     */
    record Accepted(List<ConformanceRequest> answered) implements ConformanceOutcome {
    }

    /**
     * After the answered requests, the server refuses the rest and closes the connection.
     *
     * @param answered the requests answered first (pipelined before the bad one), often none
     * @param statuses the statuses the refusal may carry; empty when no response is allowed at all
     * @param silentCloseAllowed whether closing without a response also counts as refusing
     * @param reason why, in the suite's words (an error class or llhttp's reason)
     */
    record Refused(List<ConformanceRequest> answered, Set<Integer> statuses, boolean silentCloseAllowed,
            String reason) implements ConformanceOutcome {
    }
}
