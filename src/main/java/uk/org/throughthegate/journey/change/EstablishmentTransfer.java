package uk.org.throughthegate.journey.change;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.journey.JourneyEvent;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * "Move the case to the new establishment": open custody and governor tasks of the journey and its
 * ROTL requests go to the new establishment's teams, future ones follow the journey's new team
 * variables, and read access moves from the old teams to the new. History is untouched.
 */
@Component("transferEstablishment")
class EstablishmentTransfer implements JavaDelegate {

    private final ConsortiumStandards standards;
    private final ApplicationEventPublisher events;

    EstablishmentTransfer(ConsortiumStandards standards, ApplicationEventPublisher events) {
        this.standards = standards;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        var runtime = engine.getRuntimeService();
        String reference = TextFact.of(execution, CASE_REFERENCE);
        String target = TextFact.of(execution, TransferProcess.NEW_ESTABLISHMENT);
        JourneyFacts journey = JourneyFacts.ofRunning(runtime, reference).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (journey == null) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has no running journey"));
        } else if (!journey.inCustody()) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has been released"));
        }
        var establishment = target == null ? java.util.Optional.<ConsortiumStandards.Establishment>empty()
                : standards.establishment(target);
        if (establishment.isEmpty()) {
            errors.add(new FieldError(TransferProcess.NEW_ESTABLISHMENT, "'" + target + "' is not a known secure establishment"));
        } else if (journey != null && target.equals(journey.establishment())) {
            errors.add(new FieldError(TransferProcess.NEW_ESTABLISHMENT, "the child is already in '" + target + "'"));
        }
        if (!errors.isEmpty()) {
            throw new JourneyChangeRefused("Transfer", errors).forCase(reference);
        }
        String from = journey.establishment();
        CaseAccess.requireTeamMember(execution, TextFact.of(execution, TransferProcess.TRANSFERRED_BY), "Transfer",
                journey.caseTeams());
        execution.setProcessBusinessKey(reference);

        runtime.setVariable(journey.journeyId(), ESTABLISHMENT, target);
        runtime.setVariable(journey.journeyId(), ESTABLISHMENT_NAME, establishment.get().name());
        runtime.setVariable(journey.journeyId(), CUSTODY_TEAM, Teams.custody(target));
        runtime.setVariable(journey.journeyId(), PLACEMENT_DISTANCE, standards.placementDistance(journey.consortium(), target));
        Object transfers = runtime.getVariable(journey.journeyId(), ESTABLISHMENT_TRANSFERS);
        runtime.setVariable(journey.journeyId(), ESTABLISHMENT_TRANSFERS,
                (transfers instanceof Number n ? n.intValue() : 0) + 1);
        CaseAccess.handOver(engine, journey.journeyId(), Teams.custody(from), Teams.custody(target));
        CaseAccess.handOver(engine, journey.journeyId(), Teams.governors(from), Teams.governors(target));
        events.publishEvent(new JourneyEvent.EstablishmentTransferred(reference, from, target));
    }
}
