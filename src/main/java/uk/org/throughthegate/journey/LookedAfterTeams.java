package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.Teams;

/**
 * A looked-after child's local authority stays their corporate parent in custody: its children's
 * services team gets the case's accommodation and review tasks with the team that has them. Called
 * by the model as {@code camunda:candidateGroups="${childrensServices.joining(execution, yotTeam)}"}.
 */
@Component("childrensServices")
public class LookedAfterTeams {

    public static final String LOOKED_AFTER = "lookedAfter";

    /** The team, and for a looked-after child the home council's children's services too. */
    public String joining(VariableScope journey, String team) {
        return isLookedAfter(journey) ? team + "," + Teams.childrensServices(String.valueOf(journey.getVariable(JourneyProcess.HOME_YOT)))
                : team;
    }

    /** Journeys recorded before looked-after status was asked have no answer: not looked after. */
    static boolean isLookedAfter(VariableScope journey) {
        return "yes".equals(journey.getVariable(LOOKED_AFTER));
    }
}
