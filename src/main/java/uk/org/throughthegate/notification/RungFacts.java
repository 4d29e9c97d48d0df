package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.RunningJourney;
import uk.org.throughthegate.model.TextFact;

/**
 * When a watched task becomes overdue, writes on its watch what the managers' rungs show and who
 * they go to: the task's name, when it was due, the case, and the managers' teams. Written then and
 * not when the watch starts, because nearly every task is done before that, and a watch is started
 * for every task with a due date; the YOT managers are those of the case's home YOT now, which a
 * transfer may have changed since the task opened.
 */
@Component("writeRungFacts")
class RungFacts implements ExecutionListener {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskLinks links;

    RungFacts(RuntimeService runtime, TaskService tasks, TaskLinks links) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.links = links;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseReference = execution.getProcessBusinessKey();
        ProcessInstance journey = RunningJourney.of(runtime, caseReference);
        Task watched = tasks.createTaskQuery().taskId(TextFact.of(execution, WATCHED_TASK_ID)).singleResult();
        if (journey == null || watched == null) {
            // The watch ends with its task and the journey's tasks with the journey: not expected, so
            // an incident (retried, visible in Cockpit) rather than a rung sent to nobody.
            throw new IllegalStateException("Escalation of case " + caseReference + ": "
                    + (journey == null ? "no running journey" : "its watched task is gone"));
        }
        String consortium = TextFact.of(execution, CONSORTIUM);
        execution.getProcessInstance().setVariables(Variables.createVariables()
                .putValue(WATCHED_TASK_NAME, watched.getName())
                .putValue(DUE_TEXT, links.due((Date) execution.getVariable(DUE_AT)))
                .putValue(CASE_REFERENCE, caseReference)
                .putValue(YOT_MANAGER_TEAM, Teams.yotManagers(TextFact.of(runtime, journey.getId(), JourneyProcess.HOME_YOT)))
                .putValue(PM_TEAM, Teams.projectManagers(consortium))
                .putValue(STRATEGIC_LEAD_TEAM, Teams.strategicLeads(consortium)));
    }
}
