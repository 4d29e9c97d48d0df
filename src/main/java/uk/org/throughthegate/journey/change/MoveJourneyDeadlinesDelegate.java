package uk.org.throughthegate.journey.change;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.journey.CaseDates;
import uk.org.throughthegate.journey.JourneyProcess;

/** "Move the case's deadlines to the new release date", in the journey's "Release date changed" event sub-process. */
@Component("moveJourneyDeadlines")
class MoveJourneyDeadlinesDelegate implements JavaDelegate {

    private final ReleaseDateChange change;

    MoveJourneyDeadlinesDelegate(ReleaseDateChange change) {
        this.change = change;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The message sets its payload on the journey; the new date becomes releaseDate and goes.
        LocalDate release = CaseDates.get(execution, JourneyProcess.NEW_RELEASE_DATE);
        execution.getProcessInstance().removeVariable(JourneyProcess.NEW_RELEASE_DATE);
        change.moveJourney(execution, release);
    }
}
