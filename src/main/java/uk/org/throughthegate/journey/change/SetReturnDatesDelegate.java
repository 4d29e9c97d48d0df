package uk.org.throughthegate.journey.change;

import uk.org.throughthegate.journey.CaseDates;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Set the dates of the return to custody", after the journey's "Returned to custody" event. */
@Component("setReturnDates")
class SetReturnDatesDelegate implements JavaDelegate {

    private final RecallToCustody recall;

    SetReturnDatesDelegate(RecallToCustody recall) {
        this.recall = recall;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The message sets its payload on the journey; the dates become releaseDate and licenceEndDate and go.
        LocalDate release = CaseDates.get(execution, RETURN_RELEASE_DATE);
        LocalDate licenceEnd = CaseDates.get(execution, RETURN_LICENCE_END_DATE);
        execution.getProcessInstance().removeVariables(java.util.List.of(RETURN_RELEASE_DATE, RETURN_LICENCE_END_DATE));
        // the reason came with the message and stays on the journey as it is
        recall.returnJourney(execution, release, licenceEnd);
    }
}
