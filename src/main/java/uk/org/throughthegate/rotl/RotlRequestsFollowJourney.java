package uk.org.throughthegate.rotl;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.journey.CaseDates;
import uk.org.throughthegate.journey.JourneyEvent;
import uk.org.throughthegate.journey.JourneyProcess;

/**
 * A case's ROTL requests follow its journey: closed as overtaken when the child is released or the
 * new release date comes first, closed when the journey is withdrawn, handed to the new
 * establishment's custody team and governors on a transfer. Runs inside the journey's step.
 */
@Component
class RotlRequestsFollowJourney {

    private final ProcessEngine engine;

    RotlRequestsFollowJourney(ProcessEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void released(JourneyEvent.Released event) {
        engine.getRuntimeService().createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                .processInstanceBusinessKey(event.caseReference()).correlateAll();
    }

    @EventListener
    void withdrawn(JourneyEvent.Withdrawn event) {
        engine.getRuntimeService().createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                .processInstanceBusinessKey(event.caseReference())
                .setVariable(RotlProcess.STATUS, "journey-withdrawn")
                .correlateAll();
    }

    @EventListener
    void releaseDateMoved(JourneyEvent.ReleaseDateMoved event) {
        var runtime = engine.getRuntimeService();
        for (var request : runtime.createProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY)
                .processInstanceBusinessKey(event.caseReference()).list()) {
            Object proposed = runtime.getVariable(request.getId(), RotlProcess.PROPOSED_DATE);
            if (proposed != null && !CaseDates.date(proposed).isBefore(event.release())) {
                runtime.createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                        .processInstanceId(request.getId()).correlate();
            }
        }
    }

    @EventListener
    void establishmentTransferred(JourneyEvent.EstablishmentTransferred event) {
        var runtime = engine.getRuntimeService();
        for (var request : runtime.createProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY)
                .processInstanceBusinessKey(event.caseReference()).list()) {
            runtime.setVariable(request.getId(), JourneyProcess.ESTABLISHMENT, event.to());
            runtime.setVariable(request.getId(), JourneyProcess.CUSTODY_TEAM, Teams.custody(event.to()));
            runtime.setVariable(request.getId(), RotlProcess.GOVERNOR_TEAM, Teams.governors(event.to()));
            CaseAccess.handOver(engine, request.getId(), Teams.custody(event.from()), Teams.custody(event.to()));
            CaseAccess.handOver(engine, request.getId(), Teams.governors(event.from()), Teams.governors(event.to()));
        }
    }
}
