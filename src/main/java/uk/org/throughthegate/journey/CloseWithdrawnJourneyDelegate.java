package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.rotl.RotlProcess;

/** "Close the journey and its ROTL requests": a withdrawn journey leaves no request open. */
@Component("closeWithdrawnJourney")
class CloseWithdrawnJourneyDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("journeyOutcome", "withdrawn");
        execution.setVariable(JourneyProcess.IN_CUSTODY, false);
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariable(RotlProcess.STATUS, "journey-withdrawn")
                .correlateAll();
    }
}
