package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.IN_CUSTODY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.rotl.RotlProcess;

/** "Close ROTL requests overtaken by release": the child is out, so no ROTL request stays open. */
@Component("releaseFromCustody")
class ReleaseFromCustodyDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(IN_CUSTODY, false);
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAll();
    }
}
