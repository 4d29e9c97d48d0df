package uk.org.throughthegate.taskform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner deploys a new version of a form from the Modeler: completions are checked against
 * it at once, also of tasks opened before it, while a task whose form is bound to its own deployment
 * keeps the form it was deployed with. (The check remembers each deployed form it has read.)
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskFormCompletionCheckTest {

    static final String FORM = "owners-check-form";

    @Autowired
    ProcessEngine engine;

    final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void aNewVersionOfAFormAppliesToTheNextCompletionOfEveryTaskBoundToTheLatestForm() {
        deploy(Map.of("owners-check.bpmn", process("owners-check", "latest"),
                "owners-check-pinned.bpmn", process("owners-check-pinned", "deployment")),
                Map.of("owners-check-form.form", form(false)));
        String first = startAndTask("owners-check");
        String openBeforeTheNewForm = startAndTask("owners-check");
        String pinned = startAndTask("owners-check-pinned");

        assertThatThrownBy(() -> engine.getTaskService().complete(first, Map.of()))
                .hasRootCauseInstanceOf(TaskInputRefused.class).hasMessageContaining("'Outcome' (outcome) is required");
        engine.getTaskService().complete(first, Map.of("outcome", "done"));

        deploy(Map.of(), Map.of("owners-check-form.form", form(true)));

        assertThatThrownBy(() -> engine.getTaskService().complete(openBeforeTheNewForm, Map.of("outcome", "done")))
                .as("the new version asks for a reason").hasRootCauseInstanceOf(TaskInputRefused.class)
                .hasMessageContaining("'Reason' (reason) is required");
        assertThat(engine.getTaskService().createTaskQuery().taskId(openBeforeTheNewForm).count()).as("still open").isOne();
        engine.getTaskService().complete(openBeforeTheNewForm, Map.of("outcome", "done", "reason", "checked twice"));

        engine.getTaskService().complete(pinned, Map.of("outcome", "not-done"));
        assertThat(engine.getTaskService().createTaskQuery().taskId(pinned).count())
                .as("the form of the process's own deployment asks no reason").isZero();
    }

    static BpmnModelInstance process(String key, String binding) {
        return Bpmn.createExecutableProcess(key).name("Owner's check").camundaHistoryTimeToLive(30).startEvent()
                .userTask("Task_Check").name("Check the case").camundaCandidateGroups("yot-lewisham")
                .camundaFormRef(FORM).camundaFormRefBinding(binding)
                .endEvent().done();
    }

    static String form(boolean withReason) {
        String outcome = "{\"type\":\"select\",\"key\":\"outcome\",\"label\":\"Outcome\",\"validate\":{\"required\":true},"
                + "\"values\":[{\"label\":\"Done\",\"value\":\"done\"},{\"label\":\"Not done\",\"value\":\"not-done\"}]}";
        String reason = "{\"type\":\"textfield\",\"key\":\"reason\",\"label\":\"Reason\",\"validate\":{\"required\":true}}";
        return "{\"id\":\"" + FORM + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":["
                + outcome + (withReason ? "," + reason : "") + "]}";
    }

    void deploy(Map<String, BpmnModelInstance> processes, Map<String, String> forms) {
        var deployment = engine.getRepositoryService().createDeployment().name("owner's edit");
        processes.forEach(deployment::addModelInstance);
        forms.forEach(deployment::addString);
        deployments.add(deployment.deploy().getId());
    }

    String startAndTask(String key) {
        var run = engine.getRuntimeService().startProcessInstanceByKey(key);
        return engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult().getId();
    }
}
