package uk.org.throughthegate.rotl;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;

/**
 * "Tell the journey": adds to the journey's ROTL counts. Asynchronous in the model, so two
 * requests of one child updating the journey at once are retried, not lost.
 */
@Component("tellJourneyAboutRotl")
class TellJourneyAboutRotlDelegate implements JavaDelegate {

    static final Set<String> TOOK_PLACE = Set.of("took-place", "returned-late", "failed-to-return");

    @Override
    public void execute(DelegateExecution execution) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        String journeyId = TextFact.of(execution, JOURNEY_ID);
        if (runtime.createProcessInstanceQuery().processInstanceId(journeyId).count() == 0) {
            return; // the journey has closed; this request's own history keeps what happened
        }
        String count = TextFact.of(execution, JOURNEY_COUNT);
        switch (count) {
            case JourneyProcess.ROTL_APPROVED, JourneyProcess.ROTL_REFUSED -> {
                JourneyCounts.add(runtime, journeyId, count);
                execution.setVariable(STATUS, count.equals(JourneyProcess.ROTL_APPROVED) ? "approved" : "refused");
            }
            case "rotlOutcome" -> {
                String outcome = TextFact.of(execution, OUTCOME);
                if (TOOK_PLACE.contains(outcome)) {
                    JourneyCounts.add(runtime, journeyId, JourneyProcess.ROTL_TAKEN);
                }
                runtime.setVariable(journeyId, JourneyProcess.LAST_ROTL_OUTCOME, outcome);
                execution.setVariable(STATUS, outcome);
            }
            default -> throw new IllegalStateException("the model asks to count '" + count + "', which a journey does not keep");
        }
    }
}
