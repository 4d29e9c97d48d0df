package uk.org.throughthegate.taskform;

import java.util.List;

import uk.org.throughthegate.refusal.InputRefused;

/** A task completion that its form refuses; the completion rolls back and the task stays open. */
public class TaskInputRefused extends InputRefused {

    public static final int CODE = 22002;

    /** @param problems each naming its field's label and key, as {@link SubmissionCheck} words them */
    public TaskInputRefused(String taskName, String caseReference, List<FieldError> problems) {
        super("Completion of '" + taskName + "'", problems, "Cannot complete '" + taskName + "' for case " + caseReference
                + ": " + String.join("; ", problems.stream().map(FieldError::message).toList()), CODE);
        forCase(caseReference);
    }
}
