package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

/**
 * Runs when a process with a Camunda start form starts: each date typed into the form (day first)
 * is checked and kept as an ISO date for what follows. A date that is not a real date refuses the
 * start, so nothing is created.
 */
class StartFormDates implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        List<FormField> dates = startFormFields(execution).stream().filter(FormField::typedDate).toList();
        if (dates.isEmpty()) {
            return;
        }
        Map<String, Object> submitted = execution.getVariables();
        List<FieldError> problems = SubmissionCheck.problems(dates.stream().map(StartFormDates::optional).toList(), submitted);
        if (!problems.isEmpty()) {
            throw new StartInputRefused(execution.getProcessDefinitionId(), problems).forCase(submitted.get("caseReference"));
        }
        SubmissionCheck.isoDates(dates, submitted).forEach(execution::setVariable);
    }

    /** Reading the form the person has just filled in needs no permission of its own. */
    private static List<FormField> startFormFields(DelegateExecution execution) {
        InputStream form = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
                .getFormService().getDeployedStartForm(execution.getProcessDefinitionId()));
        try (form) {
            return FormSchema.fields(form);
        } catch (IOException e) {
            throw new UncheckedIOException("the start form of " + execution.getProcessDefinitionId() + " cannot be read", e);
        }
    }

    /** Whether a start needs a field is for the process's own checks to say, with its own words. */
    private static FormField optional(FormField f) {
        return new FormField(f.key(), f.label(), f.type(), false, f.values(), f.pattern(), f.typedDate());
    }
}
