package uk.org.throughthegate.journey;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Move the journey's deadlines": applies the change and keeps what moved for the person who made it. */
@Component("moveReleaseDate")
class MoveReleaseDateDelegate implements JavaDelegate {

    private final ReleaseDateChange change;

    MoveReleaseDateDelegate(ReleaseDateChange change) {
        this.change = change;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var journeyVars = execution.getProcessEngineServices().getRuntimeService();
        String reference = (String) execution.getVariable(JourneyProcess.CASE_REFERENCE);
        List<ReleaseDateChange.Moved> moved = change.apply(execution, (String) execution.getVariable("changedBy"),
                reference, execution.getVariable("newReleaseDate"));
        execution.setProcessBusinessKey(reference);
        execution.setVariable("movedDeadlines", String.join("\n", moved.stream().map(m -> "- " + m).toList()));
        List<ReleaseDateChange.Moved> passed = moved.stream().filter(ReleaseDateChange.Moved::passed).toList();
        execution.setVariable("passedDeadlines", String.join("\n", passed.stream().map(m -> "- " + m).toList()));
        execution.setVariable("deadlinesPassed", !passed.isEmpty());
        var journey = RunningJourney.of(journeyVars, reference);
        execution.setVariable(JourneyProcess.YOT_TEAM, journeyVars.getVariable(journey.getId(), JourneyProcess.YOT_TEAM));
    }
}
