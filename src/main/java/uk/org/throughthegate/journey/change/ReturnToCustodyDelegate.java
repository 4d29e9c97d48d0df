package uk.org.throughthegate.journey.change;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;

/**
 * "Tell the journey the child is back in custody", the one step of {@code recall-to-custody}:
 * checks the return, then sends the journey the "Returned to custody" message.
 */
@Component("returnToCustody")
class ReturnToCustodyDelegate implements JavaDelegate {

    private final RecallToCustody recall;

    ReturnToCustodyDelegate(RecallToCustody recall) {
        this.recall = recall;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        String recalledBy = TextFact.of(execution, RecallProcess.RECALLED_BY);
        var accepted = recall.accept(execution, recalledBy, new RecallToCustody.Request(reference,
                TextFact.of(execution, RecallProcess.REASON), execution.getVariable(RecallProcess.NEW_RELEASE_DATE),
                execution.getVariable(RecallProcess.NEW_LICENCE_END_DATE)));
        execution.setProcessBusinessKey(reference);
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(JourneyProcess.RETURNED_TO_CUSTODY)
                .processInstanceId(accepted.journeyId())
                .setVariable(JourneyProcess.RETURN_REASON, accepted.reason())
                .setVariable(JourneyProcess.RETURN_RELEASE_DATE, accepted.release().toString())
                .setVariable(JourneyProcess.RETURN_LICENCE_END_DATE, accepted.licenceEnd().toString())
                .setVariable(JourneyProcess.RETURNED_BY, recalledBy)
                .correlate();
    }
}
