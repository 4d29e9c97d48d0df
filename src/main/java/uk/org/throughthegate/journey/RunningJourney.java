package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The running journey of a case reference (its business key), if there is one. */
public final class RunningJourney {

    private RunningJourney() {
    }

    public static ProcessInstance of(RuntimeService runtime, Object caseReference) {
        return caseReference == null ? null : runtime.createProcessInstanceQuery().processDefinitionKey(JourneyProcess.KEY)
                .processInstanceBusinessKey(caseReference.toString()).singleResult();
    }
}
