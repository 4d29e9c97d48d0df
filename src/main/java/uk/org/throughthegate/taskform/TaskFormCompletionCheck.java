package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every user task with a Camunda Form is checked against that form when it is completed, by
 * Tasklist, the engine REST API or Java alike. Runs inside the completing transaction, so a
 * refused completion changes nothing.
 */
@Component
class TaskFormCompletionCheck {

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        if (task.getProcessDefinitionId() == null) {
            return;
        }
        List<FormField> fields;
        try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
            fields = FormSchema.fields(form);
        } catch (IOException e) {
            throw new UncheckedIOException("the form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
        } catch (BadUserRequestException noCamundaForm) {
            return; // a task without a Camunda Form has nothing to check against
        }
        List<String> problems = SubmissionCheck.problems(fields, task.getVariables());
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable("caseReference")), problems);
        }
    }
}
