package uk.org.throughthegate.journey.change;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.TeamMembership;
import uk.org.throughthegate.journey.RunningJourney;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;

/**
 * "End the journey": only a project manager of the case's consortium, or an administrator, may
 * withdraw a journey. The journey ends through its own "Journey withdrawn" event, so its history
 * records why and by whom.
 */
@Component("withdrawJourney")
class WithdrawJourneyDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        var engine = execution.getProcessEngineServices();
        String reference = TextFact.of(execution, CASE_REFERENCE);
        String who = TextFact.of(execution, WithdrawalProcess.WITHDRAWN_BY);
        ProcessInstance journey = RunningJourney.of(engine.getRuntimeService(), reference);
        if (journey == null) {
            throw new JourneyChangeRefused("Withdrawal", List.of(new FieldError(CASE_REFERENCE,
                    "'" + reference + "' has no running journey"))).forCase(reference);
        }
        String managers = TextFact.of(engine.getRuntimeService(), journey.getId(), PM_TEAM);
        boolean allowed = who != null && engine.getIdentityService().createUserQuery().userId(who)
                .memberOfGroup(managers).count() + engine.getIdentityService().createUserQuery().userId(who)
                .memberOfGroup(TeamMembership.ADMINS).count() > 0;
        if (!allowed) {
            throw new JourneyChangeRefused("Withdrawal", List.of(new FieldError(WithdrawalProcess.WITHDRAWN_BY,
                    (who == null ? "nobody logged in" : "'" + who + "'") + " is not a project manager of this case's consortium ("
                            + managers + ")"))).forCase(reference);
        }
        execution.setProcessBusinessKey(reference);
        engine.getRuntimeService().createMessageCorrelation(WithdrawalProcess.JOURNEY_WITHDRAWN).processInstanceId(journey.getId())
                .setVariable(WithdrawalProcess.REASON, execution.getVariable(WithdrawalProcess.REASON))
                .setVariable(WithdrawalProcess.WITHDRAWN_BY, who)
                .correlate();
    }
}
