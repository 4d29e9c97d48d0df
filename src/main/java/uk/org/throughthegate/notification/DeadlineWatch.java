package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.*;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
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
 * Every task of a case that has a due date is watched by a {@code deadline-escalation} instance,
 * from the moment its reminder is due until the task is done or goes away: its timers move when the
 * due date moves, and its open escalation tasks close when the task is done.
 * <p>
 * Until the reminder is due a task holds only a timer ({@link WatchStartTimer}), set from the
 * consortium's standards as the watch's first rung would be and moved with the due date; nearly every
 * task is done before then, and its timer is deleted with it. A watch started when the task opened
 * (as before 2026-12-05) is moved and ended as before.
 * <p>
 * This runs on every task event of every process, so it asks nothing of the database it can avoid:
 * the timer is found by the engine's index on a job's kind and key (the task's id), a started watch
 * by its id kept on the task (a local variable; finding it by variable value scanned every watch),
 * and the process key comes from the model, which the engine holds in memory. The managers on the
 * ladder see its rungs as tasks of theirs; the watch itself grants nothing.
 * <p>
 * A watch starts with only what its timers need (the task, its due date, the consortium whose
 * standards set the intervals); what the rungs show is written when the first one opens
 * ({@link RungFacts}).
 */
@Component
class DeadlineWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskLinks links;
    private final EscalationLadder ladder;

    DeadlineWatch(RuntimeService runtime, ManagementService management, TaskLinks links, EscalationLadder ladder) {
        this.runtime = runtime;
        this.management = management;
        this.links = links;
        this.ladder = ladder;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        if (task.getDueDate() != null && watchable(task)) {
            schedule(task);
        }
    }

    @EventListener(condition = "#task.eventName == 'update'")
    public void onUpdate(DelegateTask task) {
        if (!watchable(task)) {
            return;
        }
        JobEntity timer = timerOf(task);
        if (timer != null) {
            if (task.getDueDate() == null) {
                timer.delete();
            } else {
                String consortium = consortiumOf(task);
                if (consortium != null) {
                    timer.setDuedate(ladder.reminderAt(task.getDueDate(), consortium));
                }
            }
            return;
        }
        String watch = watchOf(task);
        if (watch == null) {
            if (task.getDueDate() != null) {
                schedule(task);
            }
        } else if (task.getDueDate() == null) {
            end(task, watch);
        } else if (!Objects.equals(task.getDueDate(), runtime.getVariable(watch, DUE_AT))) {
            runtime.setVariable(watch, DUE_AT, task.getDueDate());
            if (runtime.getVariable(watch, DUE_TEXT) != null) { // its rungs are open: they show the new date
                runtime.setVariable(watch, DUE_TEXT, links.due(task.getDueDate()));
            }
            for (Job rung : management.createJobQuery().processInstanceId(watch).timers().list()) {
                management.recalculateJobDuedate(rung.getId(), false);
            }
            LOG.info("Escalation of task {} of case {} moved to its new due date", task.getId(), task.getVariable("caseReference"));
        }
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void onDone(DelegateTask task) {
        if (!watchable(task)) {
            return;
        }
        JobEntity timer = task.getDueDate() == null ? null : timerOf(task); // a due date's removal deleted its timer
        if (timer != null) {
            timer.delete();
        } else {
            end(task, watchOf(task));
        }
    }

    /** Sets the task's timer for when its reminder is due (already due if that has passed). */
    private void schedule(DelegateTask task) {
        String consortium = consortiumOf(task);
        if (consortium == null) {
            return;
        }
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(WATCH_START_TIMER);
        timer.setJobHandlerConfigurationRaw(task.getId());
        timer.setDuedate(ladder.reminderAt(task.getDueDate(), consortium));
        Context.getCommandContext().getJobManager().schedule(timer);
    }

    /** Called by the task's timer when its reminder is due. */
    void startWatch(DelegateTask task) {
        String consortium = consortiumOf(task);
        if (consortium == null || task.getDueDate() == null) {
            return;
        }
        ProcessInstance watch = runtime.startProcessInstanceByKey(KEY, String.valueOf(task.getVariable("caseReference")),
                Variables.createVariables()
                        .putValue(WATCHED_TASK_ID, task.getId())
                        .putValue(DUE_AT, task.getDueDate())
                        .putValue(CONSORTIUM, consortium));
        task.setVariableLocal(WATCH_ID, watch.getId());
    }

    private String consortiumOf(DelegateTask task) {
        Object caseReference = task.getVariable("caseReference");
        String consortium = TextFact.of(task, JourneyProcess.CONSORTIUM);
        if (caseReference == null || consortium == null) {
            ProcessInstance journey = RunningJourney.of(runtime, caseReference);
            if (journey == null) {
                LOG.warn("Task {} has a due date but no running journey (case {}): no escalation", task.getId(), caseReference);
                return null;
            }
            consortium = TextFact.of(runtime, journey.getId(), JourneyProcess.CONSORTIUM);
        }
        return consortium;
    }

    private void end(DelegateTask task, String watch) {
        if (watch != null && runtime.createProcessInstanceQuery().processInstanceId(watch).count() > 0) {
            runtime.createMessageCorrelation(TASK_DONE_MESSAGE).processInstanceId(watch).correlate();
        }
    }

    private static JobEntity timerOf(DelegateTask task) {
        List<JobEntity> timers = Context.getCommandContext().getJobManager()
                .findJobsByConfiguration(WATCH_START_TIMER, task.getId(), task.getTenantId());
        return timers.isEmpty() ? null : timers.get(0);
    }

    private String watchOf(DelegateTask task) {
        String watch = TextFact.local(task, WATCH_ID);
        if (watch == null && task.getDueDate() != null) {
            // A task watched before watches were kept on the task: found the old, slow way.
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
