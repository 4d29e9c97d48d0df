package uk.org.throughthegate.taskform;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

/**
 * Every user task with a Camunda Form is checked against that form when it is completed, by
 * Tasklist, the engine REST API or Java alike, and its typed dates are kept as ISO dates. Runs
 * inside the completing transaction, so a refused completion changes nothing.
 */
@Component
class TaskFormCompletionCheck {

    private final DeployedFormFields forms;

    TaskFormCompletionCheck(DeployedFormFields forms) {
        this.forms = forms;
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || !CamundaForms.hasCamundaForm(task.getBpmnModelElementInstance())) {
            return; // nothing to check against; asked of the model, as a failed form lookup would doom the transaction
        }
        List<FormField> fields = forms.of(task);
        List<FieldError> problems = SubmissionCheck.problems(fields, task.getVariables());
        if (!problems.isEmpty()) {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable("caseReference")), problems);
        }
        SubmissionCheck.isoDates(fields, task.getVariables()).forEach(task::setVariable);
    }
}
