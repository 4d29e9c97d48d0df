package uk.org.throughthegate.journey.change;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.journey.ConsentedReferrals;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * "Check the service is on the consortium's offer": the case's YOT refers, with consent to share,
 * to a service its consortium offers (enhanced-offer.dmn); the referral then carries the case's
 * teams and the provider team that runs the service.
 */
@Component("enhancedOfferReferral")
class EnhancedOfferReferralDelegate implements JavaDelegate {

    static final String WHAT = "Enhanced-offer referral";

    private final ConsortiumStandards standards;

    EnhancedOfferReferralDelegate(ConsortiumStandards standards) {
        this.standards = standards;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        JourneyFacts journey = JourneyFacts.runningFor(execution.getProcessEngineServices().getRuntimeService(), reference, WHAT);
        CaseAccess.requireTeamMember(execution, TextFact.of(execution, "referredBy"), WHAT, journey.yotTeam());
        String service = TextFact.of(execution, "service");
        var offered = standards.enhancedOffer(journey.consortium(), service);
        if (offered.isEmpty()) {
            throw new JourneyChangeRefused(WHAT, List.of(new FieldError("service", "'" + service
                    + "' is not on the enhanced offer of " + journey.consortium()))).forCase(reference);
        }
        if (!ConsentedReferrals.mayShareFor(journey.variables())) {
            throw new JourneyChangeRefused(WHAT, List.of(new FieldError(JourneyProcess.CASE_REFERENCE,
                    "consent to share was refused or withdrawn: a referral would share the young person's information")))
                    .forCase(reference);
        }
        execution.setProcessBusinessKey(reference);
        execution.setVariable("serviceName", offered.get().name());
        execution.setVariable("providerTeam", offered.get().providerTeam());
        execution.setVariable(JourneyProcess.YOT_TEAM, journey.yotTeam());
        execution.setVariable(JourneyProcess.HOME_YOT, journey.homeYot());
        execution.setVariable(JourneyProcess.CONSORTIUM, journey.consortium());
        CaseAccess.grantRead(execution, List.of(journey.yotTeam()));
    }
}
