package uk.org.throughthegate.journey.entry;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.journey.Pathway;
import uk.org.throughthegate.journey.PathwayStatus;
import uk.org.throughthegate.journey.RunningJourney;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * Runs when a journey starts: refuses a wrong custody entry (no journey is created, as the start
 * transaction rolls back), otherwise records the checked facts, the consortium and the teams.
 */
@Component("custodyEntry")
class CustodyEntryListener implements ExecutionListener {

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    CustodyEntryListener(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        CustodyEntry entry = new CustodyEntryValidator(standards,
                reference -> RunningJourney.of(runtime, reference) != null,
                zone).validate(execution.getVariables());

        String yot = Teams.yot(entry.homeYot());
        String custody = Teams.custody(entry.establishment());
        CaseAccess.requireTeamMember(execution, TextFact.of(execution, ENTERED_BY), "Custody entry", yot, custody);
        CaseAccess.grantRead(execution, List.of(yot, custody, Teams.yotManagers(entry.homeYot()),
                Teams.projectManagers(entry.consortium()), Teams.strategicLeads(entry.consortium())));

        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(entry.caseReference())) {
            throw new CustodyEntryRefused(List.of(new FieldError(CASE_REFERENCE,
                    "'" + entry.caseReference() + "' differs from the business key '" + businessKey
                            + "'; leave the business key empty or give the case reference"))).forCase(entry.caseReference());
        }
        execution.setProcessBusinessKey(entry.caseReference());
        execution.setVariable(CASE_REFERENCE, entry.caseReference());
        execution.setVariable(DATE_OF_BIRTH, entry.dateOfBirth().toString());
        execution.setVariable(SENTENCE_TYPE, entry.sentenceType());
        execution.setVariable(SENTENCE_LENGTH_MONTHS, entry.sentenceLengthMonths());
        execution.setVariable(SENTENCE_DATE, entry.sentenceDate().toString());
        execution.setVariable(RELEASE_DATE, entry.releaseDate().toString());
        execution.setVariable(LICENCE_END_DATE, entry.licenceEndDate().toString());
        execution.setVariable(HOME_YOT, entry.homeYot());
        execution.setVariable(ESTABLISHMENT, entry.establishment());
        execution.setVariable(CONSORTIUM, entry.consortium());
        // placements close to home and few transfers, as the research asks, for the evaluation return
        execution.setVariable(PLACEMENT_DISTANCE, standards.placementDistance(entry.consortium(), entry.establishment()));
        execution.setVariable(ESTABLISHMENT_TRANSFERS, 0);
        execution.setVariable(HOME_YOT_NAME, entry.homeYotName());
        execution.setVariable(ESTABLISHMENT_NAME, entry.establishmentName());
        execution.setVariable(CONSORTIUM_NAME, entry.consortiumName());
        execution.setVariable(YOT_TEAM, Teams.yot(entry.homeYot()));
        execution.setVariable(CUSTODY_TEAM, Teams.custody(entry.establishment()));
        execution.setVariable(PM_TEAM, Teams.projectManagers(entry.consortium()));
        execution.setVariable(IN_CUSTODY, true);
        for (String count : List.of(ROTL_REQUESTED, ROTL_APPROVED, ROTL_REFUSED, ROTL_TAKEN)) {
            execution.setVariable(count, 0);
        }
        for (Pathway pathway : Pathway.values()) {
            execution.setVariable(pathway.variable(), PathwayStatus.NOT_STARTED.value());
        }
    }
}
