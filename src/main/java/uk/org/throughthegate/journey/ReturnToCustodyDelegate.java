package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send the journey back to custody", the one step of {@code recall-to-custody}. */
@Component("returnToCustody")
class ReturnToCustodyDelegate implements JavaDelegate {

    private final RecallToCustody recall;

    ReturnToCustodyDelegate(RecallToCustody recall) {
        this.recall = recall;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(JourneyProcess.CASE_REFERENCE);
        recall.apply(execution, (String) execution.getVariable("recalledBy"), new RecallToCustody.Request(
                reference, (String) execution.getVariable("recallReason"), execution.getVariable("newReleaseDate"),
                execution.getVariable("newLicenceEndDate")));
        execution.setProcessBusinessKey(reference);
    }
}
