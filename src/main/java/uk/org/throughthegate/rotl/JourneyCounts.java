package uk.org.throughthegate.rotl;

import org.camunda.bpm.engine.RuntimeService;

/** The ROTL counts a journey keeps: requested, approved, refused and taken. */
final class JourneyCounts {

    private JourneyCounts() {
    }

    static void add(RuntimeService runtime, String journeyId, String count) {
        Object current = runtime.getVariable(journeyId, count);
        runtime.setVariable(journeyId, count, (current instanceof Number n ? n.intValue() : 0) + 1);
    }
}
