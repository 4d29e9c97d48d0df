package uk.org.throughthegate.taskform;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/** A process start whose form input is wrong (a typed date that is no date); nothing is started. */
public class StartInputRefused extends ProcessEngineException {

    public static final int CODE = 22003;

    public StartInputRefused(String processDefinitionId, List<String> problems) {
        super("Cannot start " + processDefinitionId.split(":")[0] + ": " + String.join("; ", problems), CODE);
    }
}
