package uk.org.throughthegate.journey;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.taskform.TaskInputRefused;

/**
 * Each review of a looked-after child confirms that the child is still registered as looked after
 * (children's services may not deregister a child in custody): the answer the form shows only for
 * them is required for them.
 */
@Component("lookedAfterRegistration")
class LookedAfterRegistrationCheck implements TaskListener {

    static final String STILL_REGISTERED = "lookedAfterRegistered";

    @Override
    public void notify(DelegateTask task) {
        Object answer = task.getVariable(STILL_REGISTERED);
        if (LookedAfterTeams.isLookedAfter(task) && (answer == null || answer.toString().isBlank())) {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable(JourneyProcess.CASE_REFERENCE)),
                    List.of(new FieldError(STILL_REGISTERED, "a looked-after child's review says whether the child is "
                            + "still registered as looked after")));
        }
    }
}
