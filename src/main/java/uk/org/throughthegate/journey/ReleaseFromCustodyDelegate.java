package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.IN_CUSTODY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;


/** "Close ROTL requests overtaken by release": the child is out; what needs custody closes (see JourneyEvent). */
@Component("releaseFromCustody")
class ReleaseFromCustodyDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    ReleaseFromCustodyDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(IN_CUSTODY, false);
        events.publishEvent(new JourneyEvent.Released(execution.getProcessBusinessKey()));
    }
}
