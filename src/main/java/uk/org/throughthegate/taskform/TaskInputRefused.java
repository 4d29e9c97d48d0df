package uk.org.throughthegate.taskform;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task completion that its form refuses; the completion rolls back and the task stays open. */
public class TaskInputRefused extends ProcessEngineException {

    public static final int CODE = 22002;

    public TaskInputRefused(String taskName, String caseReference, List<String> problems) {
        super("Cannot complete '" + taskName + "' for case " + caseReference + ": " + String.join("; ", problems), CODE);
    }
}
