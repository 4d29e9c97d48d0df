package uk.org.throughthegate.journey.change;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.org.throughthegate.journey.JourneyEvent;
import uk.org.throughthegate.journey.JourneyProcess;


/** "Close the journey and its ROTL requests": a withdrawn journey leaves no request open. */
@Component("closeWithdrawnJourney")
class CloseWithdrawnJourneyDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    CloseWithdrawnJourneyDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(WithdrawalProcess.JOURNEY_OUTCOME, "withdrawn");
        execution.setVariable(JourneyProcess.IN_CUSTODY, false);
        events.publishEvent(new JourneyEvent.Withdrawn(execution.getProcessBusinessKey()));
    }
}
