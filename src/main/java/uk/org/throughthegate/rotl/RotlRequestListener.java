package uk.org.throughthegate.rotl;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;
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
        JourneyFacts journey = JourneyFacts.ofRunning(runtime, reference).orElse(null);
        LocalDate today = EngineClock.today(zone);
        LocalDate proposed = RotlRequestCheck.proposedDate(execution.getVariables(), journey, today, standards, zone);

        CaseAccess.requireTeamMember(execution, TextFact.of(execution, REQUESTED_BY), "ROTL request",
                journey.yotTeam(), journey.custodyTeam());
        CaseAccess.grantRead(execution, java.util.List.of(journey.yotTeam(), journey.custodyTeam(),
                Teams.governors(journey.establishment()), journey.pmTeam()));
        execution.setProcessBusinessKey(reference.toString());
        execution.setVariable(JOURNEY_ID, journey.journeyId());
        // the journey's facts the request's model and its deadlines read
        execution.setVariable(JourneyProcess.HOME_YOT, journey.homeYot());
        execution.setVariable(JourneyProcess.ESTABLISHMENT, journey.establishment());
        execution.setVariable(JourneyProcess.CONSORTIUM, journey.consortium());
        // who custody contacts at the YOT, shown on the request's custody tasks
        for (String contact : JourneyProcess.YOT_CONTACTS) {
            if (journey.variables().get(contact) != null) {
                execution.setVariable(contact, journey.variables().get(contact));
            }
        }
        execution.setVariable(JourneyProcess.YOT_TEAM, journey.yotTeam());
        execution.setVariable(JourneyProcess.CUSTODY_TEAM, journey.custodyTeam());
        execution.setVariable(JourneyProcess.PM_TEAM, journey.pmTeam());
        execution.setVariable(JourneyProcess.SENTENCE_TYPE, journey.sentenceType());
        execution.setVariable(JourneyProcess.SENTENCE_DATE, journey.sentenceDate().toString());
        execution.setVariable(JourneyProcess.RELEASE_DATE, journey.releaseDate().toString());
        execution.setVariable(GOVERNOR_TEAM, Teams.governors(journey.establishment()));
        var purpose = standards.rotlPurpose(TextFact.of(execution, PURPOSE));
        execution.setVariable(PROVIDER_TEAM, purpose.map(ConsortiumStandards.RotlPurpose::providerTeam).orElse(null));
        execution.setVariable(PURPOSE_NAME, purpose.map(ConsortiumStandards.RotlPurpose::name).orElse(null));
        execution.setVariable(REQUESTED_ON, today.toString());
        execution.setVariable(DECISION_DUE,
                WorkingDays.after(today, standards.standardsFor(journey.consortium()).rotlDecisionWorkingDays()).toString());
        execution.setVariable(DAY_AFTER, proposed.plusDays(1).toString());
        execution.setVariable(STATUS, "requested");
        JourneyCounts.add(runtime, journey.journeyId(), JourneyProcess.ROTL_REQUESTED);
    }
}
