package uk.org.throughthegate.model;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** The key of the process a task belongs to, read from its model (held in memory), not the database. */
public final class ProcessKey {

    private ProcessKey() {
    }

    public static String of(DelegateTask task) {
        if (task.getProcessDefinitionId() == null) {
            return null; // a task of its own, in no process
        }
        ModelElementInstance element = task.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null ? null : ((Process) element).getId();
    }
}
