package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.Teams;

/**
 * A referral shares the young person's information with a team outside the case (a provider, the
 * council's housing service), so it goes there only with consent to share. Refused or withdrawn,
 * the case's YOT gets the work itself, to do without sharing. Called by the model as
 * {@code camunda:candidateGroups="${referrals.to(execution, 'provider-ete')}"}.
 */
@Component("referrals")
public class ConsentedReferrals {

    public static final String CONSENT = "consentToShare";

    public String to(VariableScope journey, String referralTeam) {
        return mayShare(journey.getVariable(CONSENT)) ? referralTeam
                : String.valueOf(journey.getVariable(JourneyProcess.YOT_TEAM));
    }

    /**
     * Teams a referral shares the case with on consent: providers and the council's housing
     * service. Children's services, a looked-after child's corporate parent, are not among them.
     */
    static boolean needsConsent(String team) {
        return Teams.is(team, Teams.Kind.PROVIDER) || Teams.is(team, Teams.Kind.HOUSING);
    }

    /** Whether the journey's recorded consent lets a referral share its case. */
    public static boolean mayShareFor(java.util.Map<String, Object> journeyVariables) {
        return mayShare(journeyVariables.get(CONSENT));
    }

    /** Only a recorded refusal or withdrawal stops a referral (consent is recorded before any is made). */
    static boolean mayShare(Object consent) {
        return !"refused".equals(consent) && !"withdrawn".equals(consent);
    }
}
