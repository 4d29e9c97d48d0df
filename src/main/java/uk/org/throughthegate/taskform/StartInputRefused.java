package uk.org.throughthegate.taskform;

import java.util.List;

import uk.org.throughthegate.refusal.InputRefused;

/** A process start whose form input is wrong (a typed date that is no date); nothing is started. */
public class StartInputRefused extends InputRefused {

    public static final int CODE = 22003;

    /** @param problems each naming its field's label and key, as {@link SubmissionCheck} words them */
    public StartInputRefused(String processDefinitionId, List<FieldError> problems) {
        super("Start of " + processDefinitionId.split(":")[0], problems, "Cannot start " + processDefinitionId.split(":")[0]
                + ": " + String.join("; ", problems.stream().map(FieldError::message).toList()), CODE);
    }
}
