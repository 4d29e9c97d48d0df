package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.CASE_REFERENCE;
import static uk.org.throughthegate.journey.JourneyProcess.CONSORTIUM;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.standards.ConsortiumStandards;
import uk.org.throughthegate.taskform.TaskInputRefused;

/**
 * Where a consortium does not release children to temporary accommodation (South and West
 * Yorkshire), a temporary placement cannot be confirmed: the YOT marks it not suitable instead.
 */
@Component("accommodationStandard")
class AccommodationStandardCheck implements TaskListener {

    static final String TEMPORARY = "temporary";

    private final ConsortiumStandards standards;

    AccommodationStandardCheck(ConsortiumStandards standards) {
        this.standards = standards;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean confirming = "confirmed".equals(task.getVariable("accommodationDecision"));
        boolean temporary = TEMPORARY.equals(task.getVariable("accommodationType"));
        if (confirming && temporary
                && !standards.standardsFor(TextFact.of(task, CONSORTIUM)).temporaryAccommodationAccepted()) {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable(CASE_REFERENCE)), List.of(new FieldError(
                    "accommodationType", "this consortium's standard does not allow release to temporary accommodation; "
                            + "choose 'Not suitable' so that the provider proposes another placement")));
        }
    }
}
