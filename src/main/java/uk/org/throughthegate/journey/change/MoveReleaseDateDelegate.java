package uk.org.throughthegate.journey.change;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;

/**
 * "Tell the journey its new release date": checks the change, then sends the journey the
 * "Release date changed" message, which its own event sub-process acts on; keeps what moved for
 * the person who made the change.
 */
@Component("moveReleaseDate")
class MoveReleaseDateDelegate implements JavaDelegate {

    private final ReleaseDateChange change;

    MoveReleaseDateDelegate(ReleaseDateChange change) {
        this.change = change;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        String changedBy = TextFact.of(execution, ReleaseDateChangeProcess.CHANGED_BY);
        var accepted = change.accept(execution, changedBy, reference,
                execution.getVariable(ReleaseDateChangeProcess.NEW_RELEASE_DATE));
        execution.setProcessBusinessKey(reference);
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        runtime.createMessageCorrelation(JourneyProcess.RELEASE_DATE_CHANGED)
                .processInstanceId(accepted.journeyId())
                .setVariable(JourneyProcess.NEW_RELEASE_DATE, accepted.release().toString())
                .setVariable(JourneyProcess.RELEASE_DATE_CHANGED_BY, changedBy)
                .correlate();

        List<ReleaseDateChange.Moved> moved = accepted.moved();
        // Typed for the REST answer; as text for the form of the person who made the change.
        execution.setVariable(ReleaseDateChangeProcess.DEADLINE_MOVES, Variables.objectValue(new ArrayList<>(moved))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("movedDeadlines", String.join("\n", moved.stream().map(m -> "- " + m).toList()));
        List<ReleaseDateChange.Moved> passed = moved.stream().filter(ReleaseDateChange.Moved::passed).toList();
        execution.setVariable("passedDeadlines", String.join("\n", passed.stream().map(m -> "- " + m).toList()));
        execution.setVariable("deadlinesPassed", !passed.isEmpty());
        execution.setVariable(JourneyProcess.YOT_TEAM, runtime.getVariable(accepted.journeyId(), JourneyProcess.YOT_TEAM));
    }
}
