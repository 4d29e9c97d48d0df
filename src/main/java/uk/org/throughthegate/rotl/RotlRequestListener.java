package uk.org.throughthegate.rotl;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.RunningJourney;
import uk.org.throughthegate.journey.Teams;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * Runs when a ROTL request starts: refuses a request for a case without a journey in custody or
 * for a date after release; otherwise links it to the journey, its teams and its decision deadline.
 */
@Component("rotlRequest")
class RotlRequestListener implements ExecutionListener {

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    RotlRequestListener(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        Object reference = execution.getVariable(CASE_REFERENCE);
        ProcessInstance journey = RunningJourney.of(runtime, reference);
        Map<String, Object> facts = journey == null ? null : runtime.getVariables(journey.getId());
        LocalDate today = EngineClock.today(zone);
        LocalDate proposed = RotlRequestCheck.proposedDate(execution.getVariables(), facts, today);

        String consortium = (String) facts.get(JourneyProcess.CONSORTIUM);
        String establishment = (String) facts.get(JourneyProcess.ESTABLISHMENT);
        String yotTeam = (String) facts.get(JourneyProcess.YOT_TEAM);
        String custodyTeam = (String) facts.get(JourneyProcess.CUSTODY_TEAM);
        CaseAccess.requireTeamMember(execution, (String) execution.getVariable("requestedBy"), "ROTL request",
                yotTeam, custodyTeam);
        CaseAccess.grantRead(execution, java.util.List.of(yotTeam, custodyTeam, Teams.governors(establishment),
                (String) facts.get(JourneyProcess.PM_TEAM)));
        execution.setProcessBusinessKey(reference.toString());
        execution.setVariable(JOURNEY_ID, journey.getId());
        for (String copied : new String[] {JourneyProcess.HOME_YOT, JourneyProcess.ESTABLISHMENT, JourneyProcess.CONSORTIUM,
                JourneyProcess.YOT_TEAM, JourneyProcess.CUSTODY_TEAM, JourneyProcess.PM_TEAM,
                JourneyProcess.SENTENCE_TYPE, JourneyProcess.SENTENCE_DATE, JourneyProcess.RELEASE_DATE}) {
            execution.setVariable(copied, facts.get(copied));
        }
        execution.setVariable(GOVERNOR_TEAM, Teams.governors(establishment));
        execution.setVariable(PROVIDER_TEAM, RotlRequestCheck.providerTeam((String) execution.getVariable(PURPOSE)));
        execution.setVariable(REQUESTED_ON, today.toString());
        execution.setVariable(DECISION_DUE,
                WorkingDays.after(today, standards.standardsFor(consortium).rotlDecisionWorkingDays()).toString());
        execution.setVariable(DAY_AFTER, proposed.plusDays(1).toString());
        execution.setVariable(STATUS, "requested");
        JourneyCounts.add(runtime, journey.getId(), JourneyProcess.ROTL_REQUESTED);
    }
}
