package uk.org.throughthegate.history;

import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import uk.org.throughthegate.notification.DeadlineEscalationProcess;

/**
 * The engine's history writer, which forgets the watch on a deadline ({@code deadline-escalation})
 * when it ends without having asked any manager to act: the task was done before it was overdue.
 * Such a watch kept only its process instance row (KeptHistory keeps none of its steps or copies),
 * which said nothing the watched task's own history does not (its due date and when it was done):
 * 44 rows, 12.5 KB of a closed journey. A watch that opened a rung keeps its row, its rungs and what
 * the managers did.
 * <p>
 * The watch's end is still produced, so the engine still stamps the removal time on anything else
 * the watch left (a failed timer's log, an incident) and history cleanup removes it in time.
 */
class QuietWatchesForgotten extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity instance
                && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
                && DeadlineEscalationProcess.KEY.equals(instance.getProcessDefinitionKey())
                && !openedARung(instance.getProcessInstanceId())) {
            getDbEntityManager().delete(HistoricProcessInstanceEventEntity.class, "deleteHistoricProcessInstance",
                    instance.getProcessInstanceId());
            return;
        }
        super.insertOrUpdate(event);
    }

    /** Whether the watch made a task for a manager; asked of all rows, whoever's step ended the watch. */
    private static boolean openedARung(String watch) {
        CommandContext command = Context.getCommandContext();
        return command.runWithoutAuthorization(() -> command.getHistoricTaskInstanceManager()
                .findHistoricTaskInstanceCountByQueryCriteria(new HistoricTaskInstanceQueryImpl().processInstanceId(watch))) > 0;
    }
}
