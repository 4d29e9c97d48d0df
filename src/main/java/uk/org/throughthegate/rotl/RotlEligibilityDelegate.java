package uk.org.throughthegate.rotl;

import uk.org.throughthegate.journey.CaseDates;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.journey.JourneyProcess;

/** "Check eligibility against the ROTL rules": the rotl-eligibility table, applied to the case's dates. */
@Component("rotlEligibility")
class RotlEligibilityDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        var rule = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(ELIGIBILITY_DECISION)
                .variables(Variables.createVariables()
                        .putValue("sentenceType", execution.getVariable(JourneyProcess.SENTENCE_TYPE))
                        .putValue("purpose", execution.getVariable(PURPOSE)))
                .evaluate().getSingleResult();
        LocalDate from = RotlRequestCheck.eligibleFrom(
                CaseDates.get(execution, JourneyProcess.SENTENCE_DATE),
                CaseDates.get(execution, JourneyProcess.RELEASE_DATE),
                ((Number) rule.getEntry("eligibleFromFraction")).doubleValue());
        LocalDate proposed = CaseDates.get(execution, PROPOSED_DATE);
        execution.setVariable(ELIGIBLE_FROM, from.toString());
        execution.setVariable(ELIGIBILITY_RULE, rule.getEntry("rule"));
        execution.setVariable(ELIGIBLE, !proposed.isBefore(from));
        if (proposed.isBefore(from)) {
            execution.setVariable(STATUS, "not-yet-eligible");
        }
    }
}
