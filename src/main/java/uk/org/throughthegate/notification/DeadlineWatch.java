package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.*;

import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.RunningJourney;
import uk.org.throughthegate.model.ProcessKey;
import uk.org.throughthegate.model.TextFact;

/**
 * Every task of a case that has a due date is watched by a {@code deadline-escalation} instance:
 * started when the task appears (or first gets a due date), its timers moved when the due date
 * moves, and ended (its open escalation tasks closed) when the task is done or goes away.
 * <p>
 * This runs on every task event of every process, so it asks nothing of the database it can avoid:
 * the watched task keeps its watch's id in a local variable (finding the watch by variable value
 * scanned every watch), and the process key comes from the model, which the engine holds in memory.
 * The managers on the ladder see its rungs as tasks of theirs; the watch itself grants nothing.
 * <p>
 * A watch starts with only what its timers need (the task, its due date, the consortium whose
 * standards set the intervals); nearly every task is done before its ladder's first rung, so what
 * the rungs show is written when the first one opens ({@link RungFacts}), not for every task.
 */
@Component
class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskLinks links;
    DeadlineWatch(RuntimeService runtime, ManagementService management, TaskLinks links) {
        this.runtime = runtime;
        this.management = management;
        this.links = links;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        if (task.getDueDate() != null && watchable(task)) {
            start(task);
        }
    }

    @EventListener(condition = "#task.eventName == 'update'")
    public void onUpdate(DelegateTask task) {
        if (!watchable(task)) {
            return;
        }
        String watch = watchOf(task);
        if (watch == null) {
            if (task.getDueDate() != null) {
                start(task);
            }
        } else if (task.getDueDate() == null) {
            end(task);
        } else if (!Objects.equals(task.getDueDate(), runtime.getVariable(watch, DUE_AT))) {
            runtime.setVariable(watch, DUE_AT, task.getDueDate());
            if (runtime.getVariable(watch, DUE_TEXT) != null) { // its rungs are open: they show the new date
                runtime.setVariable(watch, DUE_TEXT, links.due(task.getDueDate()));
            }
            for (Job timer : management.createJobQuery().processInstanceId(watch).timers().list()) {
                management.recalculateJobDuedate(timer.getId(), false);
            }
            LOG.info("Escalation of task {} of case {} moved to its new due date", task.getId(), task.getVariable("caseReference"));
        }
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void onDone(DelegateTask task) {
        if (watchable(task)) {
            end(task);
        }
    }

    private void start(DelegateTask task) {
        Object caseReference = task.getVariable("caseReference");
        String consortium = TextFact.of(task, JourneyProcess.CONSORTIUM);
        if (caseReference == null || consortium == null) {
            ProcessInstance journey = RunningJourney.of(runtime, caseReference);
            if (journey == null) {
                LOG.warn("Task {} has a due date but no running journey (case {}): no escalation", task.getId(), caseReference);
                return;
            }
            consortium = TextFact.of(runtime, journey.getId(), JourneyProcess.CONSORTIUM);
        }
        ProcessInstance watch = runtime.startProcessInstanceByKey(KEY, caseReference.toString(), Variables.createVariables()
                .putValue(WATCHED_TASK_ID, task.getId())
                .putValue(DUE_AT, task.getDueDate())
                .putValue(CONSORTIUM, consortium));
        task.setVariableLocal(WATCH_ID, watch.getId());
    }

    private void end(DelegateTask task) {
        String watch = watchOf(task);
        if (watch != null && runtime.createProcessInstanceQuery().processInstanceId(watch).count() > 0) {
            runtime.createMessageCorrelation(TASK_DONE_MESSAGE).processInstanceId(watch).correlate();
        }
    }

    private String watchOf(DelegateTask task) {
        String watch = TextFact.local(task, WATCH_ID);
        if (watch == null && task.getDueDate() != null) {
            // A task made before watches were kept on the task: found the old, slow way.
            ProcessInstance old = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                    .variableValueEquals(WATCHED_TASK_ID, task.getId()).singleResult();
            return old == null ? null : old.getId();
        }
        return watch;
    }

    private static boolean watchable(DelegateTask task) {
        String key = ProcessKey.of(task);
        return key != null && !KEY.equals(key) && !MailOutbox.PROCESS_KEY.equals(key);
    }
}
