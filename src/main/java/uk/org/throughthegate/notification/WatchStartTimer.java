package uk.org.throughthegate.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one timer a task with a due date holds until its reminder is due: then it starts the task's
 * {@code deadline-escalation} watch, whose first step is that reminder. Nearly every task is done
 * before then, and a done task's timer is simply deleted, so the watches (a process instance each,
 * with its timers, variables and message subscription) exist only for the tasks that come near
 * their deadline, not for every task the service opens.
 * <p>
 * The timer is a job of its own kind, keyed by the task's id (the engine indexes jobs by kind and
 * key), attached to no process instance: it outlives nothing (the task's end deletes it), and a
 * journey migrated to a new version of its model carries no job the migration would have to map.
 * If starting the watch fails, the job executor retries it, then leaves an incident; as the job
 * belongs to no process instance, that incident shows in the {@code camunda.incidents.open} metric,
 * not on the journey in Cockpit.
 */
@Component
class WatchStartTimer extends JobKindPlugin {

    /** The watch is created by the engine it serves: asked for only when a timer fires. */
    private final ObjectProvider<DeadlineWatch> watch;

    WatchStartTimer(ObjectProvider<DeadlineWatch> watch) {
        this.watch = watch;
    }

    @Override
    public String getType() {
        return DeadlineEscalationProcess.WATCH_START_TIMER;
    }

    @Override
    public void execute(Key configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(configuration.id());
        if (task != null) { // a task that went away deletes its timer; this is only belt and braces
            watch.getObject().startWatch(task);
        }
    }
}
