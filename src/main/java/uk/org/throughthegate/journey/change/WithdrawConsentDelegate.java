package uk.org.throughthegate.journey.change;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;

/**
 * "Tell the journey consent is withdrawn": the case's YOT records it; the journey's own "Consent
 * withdrawn" event sub-process returns the open referrals and sends no more.
 */
@Component("withdrawConsent")
class WithdrawConsentDelegate implements JavaDelegate {

    static final String WHAT = "Consent withdrawal";

    @Override
    public void execute(DelegateExecution execution) {
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        JourneyFacts journey = JourneyFacts.runningFor(runtime, reference, WHAT);
        CaseAccess.requireTeamMember(execution, TextFact.of(execution, "withdrawnBy"), WHAT, journey.yotTeam());
        if ("withdrawn".equals(journey.variables().get("consentToShare"))) {
            throw new JourneyChangeRefused(WHAT, List.of(new FieldError(JourneyProcess.CASE_REFERENCE,
                    "consent for '" + reference + "' is already withdrawn"))).forCase(reference);
        }
        execution.setProcessBusinessKey(reference);
        runtime.createMessageCorrelation(JourneyProcess.CONSENT_WITHDRAWN).processInstanceId(journey.journeyId())
                .setVariable("consentToShare", "withdrawn")
                .setVariable("consentWithdrawalReason", execution.getVariable("consentWithdrawalReason"))
                .correlate();
    }
}
