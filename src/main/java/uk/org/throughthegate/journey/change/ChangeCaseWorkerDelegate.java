package uk.org.throughthegate.journey.change;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.rotl.RotlProcess;

/**
 * "Tell the journey and the custody team": only the case's YOT names its case worker. The journey
 * keeps the new names (its "YOT case worker changed" event sub-process gives custody its task);
 * the case's open ROTL requests, whose custody tasks show them too, get them as well.
 */
@Component("changeCaseWorker")
class ChangeCaseWorkerDelegate implements JavaDelegate {

    static final String WHAT = "YOT case worker change";

    @Override
    public void execute(DelegateExecution execution) {
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        JourneyFacts journey = JourneyFacts.runningFor(runtime, reference, WHAT);
        CaseAccess.requireTeamMember(execution, TextFact.of(execution, "changedBy"), WHAT, journey.yotTeam());
        execution.setProcessBusinessKey(reference);

        Map<String, Object> contacts = new LinkedHashMap<>();
        for (String name : JourneyProcess.YOT_CONTACTS) {
            Object value = execution.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                contacts.put(name, value.toString().trim());
            }
        }
        runtime.createMessageCorrelation(JourneyProcess.CASE_WORKER_CHANGED).processInstanceId(journey.journeyId())
                .setVariables(contacts).correlate();
        runtime.createProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY).processInstanceBusinessKey(reference)
                .active().list().forEach(rotl -> runtime.setVariables(rotl.getId(), contacts));
    }
}
