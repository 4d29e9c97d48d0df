package uk.org.throughthegate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.throughthegate.journey.JourneyScenario;

/**
 * Every form in {@code forms/} opened in Tasklist, rendered by the form-js Tasklist ships (1.8.7):
 * a form that does not render, or that makes the page log an error, fails. Each form is shown as
 * a task of one process made here, with a typical journey's variables.
 */
class FormsBrowserTest extends ServiceInBrowser {


    @Test
    void everyFormRendersInTasklistWithoutAnError() throws IOException {
        Map<String, String> forms = forms();
        engine.getRepositoryService().createDeployment().name("every form, for FormsBrowserTest")
                .addModelInstance("every-form.bpmn", everyFormAsATask(forms.keySet())).deploy();
        Map<String, Object> journey = new HashMap<>(JourneyScenario.lewishamCase("LEW-FORMS"));
        journey.put("homeYotName", "Lewisham");
        // no establishmentName: as a journey entered before names were kept, whose forms show the id
        journey.put("consortiumName", "South London");
        journey.put("accommodationPathway", "support-not-required");
        String instance = engine.getRuntimeService().startProcessInstanceByKey("every-form", "LEW-FORMS", journey).getId();

        Browser admin = browsers.loggedIn("tasklist", "admin", "test-only");
        admin.waitFor(d -> Boolean.TRUE.equals(admin.script(
                "return document.documentElement.classList.contains('ttg-filter-editing')")));
        admin.consoleErrors(); // what the login page logged is not a form's
        List<String> problems = new ArrayList<>();
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance).list()) {
            String form = task.getTaskDefinitionKey().substring("Form_".length());
            admin.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
            try {
                WebElement rendered = admin.find(By.cssSelector(".fjs-form"));
                admin.waitFor(d -> !rendered.findElements(By.cssSelector(".fjs-form-field")).isEmpty());
            } catch (RuntimeException notRendered) {
                problems.add(form + ": not rendered (" + admin.bodyText().lines().filter(l -> l.contains("rror"))
                        .findFirst().orElse("no form on the page") + ")");
                admin.keep("FormsBrowserTest-" + form);
                continue;
            }
            if (form.equals("agree-resettlement-plan") && (!admin.bodyText().contains("support not required")
                    || admin.bodyText().contains("support-not-required"))) {
                problems.add(form + ": shows a pathway's status as a code, not in words");
            }
            if (form.equals("record-consent") && !admin.bodyText().contains("Establishment: feltham")) {
                problems.add(form + ": a journey without establishmentName shows no establishment");
            }
            List<String> errors = admin.consoleErrors();
            if (!errors.isEmpty()) {
                problems.add(form + ": " + errors);
                admin.keep("FormsBrowserTest-" + form);
            }
        }
        assertThat(problems).as("forms that failed in Tasklist").isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count())
                .as("every form was opened").isEqualTo(forms.size());
    }

    /** Each form's id, from {@code forms/}. */
    static Map<String, String> forms() throws IOException {
        Map<String, String> forms = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                forms.put(json.readTree(file.toFile()).path("id").asText(), file.getFileName().toString());
            }
        }
        return forms;
    }

    /** One process: a task per form, all at once, each assigned to the administrator. */
    static BpmnModelInstance everyFormAsATask(Iterable<String> formIds) {
        var fork = Bpmn.createExecutableProcess("every-form").name("Every form").camundaHistoryTimeToLive(1)
                .startEvent("Start").parallelGateway("Fork");
        AbstractFlowNodeBuilder<?, ?> builder = fork;
        for (String form : formIds) {
            builder = builder.moveToNode("Fork").userTask("Form_" + form).name(form).camundaFormRef(form)
                    .camundaFormRefBinding("latest").camundaAssignee("admin").endEvent("End_" + form);
        }
        return builder.done();
    }
}
