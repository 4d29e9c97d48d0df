package uk.org.throughthegate.history;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.type.ValueType;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.notification.DeadlineEscalationProcess;
import uk.org.throughthegate.notification.SendMailProcess;

/**
 * The engine's "full" history less what nobody reads and what would fill the database over the
 * seven years a YOT keeps a case:
 * <ul>
 * <li>every earlier value of every variable (ACT_HI_DETAIL; the variable's last value stays);
 * <li>the log of timers and jobs that ran as planned (failures stay, with their incidents);
 * <li>in every process, the steps that only route the flow: gateways, the plain start of a process
 * or sub-process (the process instance and the sub-process's own row say when it started) and the
 * bracket around a multi-instance step (each instance keeps its row), with the engine's counters of
 * such a step ({@code nrOfInstances}, {@code loopCounter}...). Which way a gateway went shows in
 * the steps that follow it and in the answers it read. At 52 gateways, 26 starts and 3 brackets
 * per journey, they were 35 KB of a closed journey's 200 KB;
 * <li>in every process, the end event of an embedded sub-process that has no other end event: the
 * sub-process's own row says when it ended, and whether it completed or was cancelled (15
 * supervision appointments make 15 such rows in a closed journey). Where a sub-process has several
 * ends, which one was reached is an outcome and is kept;
 * <li>a task's copies of its case's Tasklist columns (case reference, release date), which a
 * referral carries for its provider (journey/ReferralAccess): the journey keeps the facts;
 * <li>in the watch on a deadline ({@code deadline-escalation}, one per task with a due date): the
 * copies of the journey's facts it is started with and its steps other than people's tasks (how it
 * ended stays on its process instance, END_ACT_ID_). What stays: that a deadline was watched and how
 * it ended, each rung a manager was asked to act on and what they did;
 * <li>in every process, a timer that leads straight to a person's task: the task's row says when
 * it opened;
 * <li>a variable created without a value (a notes field left blank: 25 rows, 7 KB of a closed
 * journey); given a value later, its row is written then;
 * <li>which teams a task was offered to (its candidate groups and users, ACT_HI_IDENTITYLINK): the
 * model names them from the case's own facts, which are kept ({@code yotTeam}, {@code custodyTeam},
 * the provider's team...), and the dashboard reads open tasks' teams from the runtime. Who held a
 * task (its assignee and owner, and each change of them) is kept. At one row per team per task
 * this was 10.6 KB of a closed journey's 156 KB;
 * <li>everything of the sending of one mail ({@code send-mail}): which mails went out is in the mail
 * log (notification/MailLog), a row of a quarter the size, kept as long as the mail's history was
 * (180 days). A mail that could not be sent shows as an incident in Cockpit while it waits; who
 * retried it stays in the user operation log.
 * </ul>
 * Everything else of "full" is kept: the journeys' tasks, sub-processes, timers, events that
 * start or end something (a message, an outcome), variables, identity links, decisions, incidents and
 * the user operation log.
 * <p>
 * A routing step that was waiting when this level came in (an execution at a join or an event
 * gateway) keeps its row without an end time; the row goes with its case's history.
 * <p>
 * It has the id of "full", so a database set up with "full" starts with it unchanged.
 */
class KeptHistory extends AbstractHistoryLevel {

    static final String NAME = "ttg-full";

    private static final Set<HistoryEventType> DROPPED = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(
            HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE, HistoryEventTypes.ACTIVITY_INSTANCE_END);

    /** Per bookkeeping process, the variables that are copies or renderings, not facts of their own. */
    static final Map<String, Set<String>> BOOKKEEPING_COPIES = Map.of(
            DeadlineEscalationProcess.KEY, Set.of(DeadlineEscalationProcess.WATCHED_TASK_ID,
                    DeadlineEscalationProcess.WATCHED_TASK_NAME, DeadlineEscalationProcess.DUE_AT,
                    DeadlineEscalationProcess.DUE_TEXT, DeadlineEscalationProcess.CASE_REFERENCE,
                    DeadlineEscalationProcess.CONSORTIUM, DeadlineEscalationProcess.YOT_MANAGER_TEAM,
                    DeadlineEscalationProcess.PM_TEAM, DeadlineEscalationProcess.STRATEGIC_LEAD_TEAM));

    /** Processes that keep no engine history at all (what they did is kept elsewhere). */
    static final Set<String> UNRECORDED_PROCESSES = Set.of(SendMailProcess.KEY);

    /**
     * In bookkeeping processes, the steps whose history is kept: people's tasks. An end event's row
     * would repeat what its process instance's END_ACT_ID_ says (one watch and one mail per task
     * of a case make it 28 KB of a closed journey's history).
     */
    static final Set<String> KEPT_BOOKKEEPING_STEPS = Set.of("userTask");

    /**
     * Steps that only route the flow, in any process. A start event with an event definition
     * (a message, a timer) has a type of its own and is kept: it says what happened.
     */
    static final Set<String> ROUTING_STEPS = Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway",
            "eventBasedGateway", "complexGateway", "startEvent", "multiInstanceBody");

    /**
     * A timer that leads straight to a person's task ("Appointment day", "Next contact falls due"):
     * the task's own rows say when it opened, which is when the timer fired. 28 of a closed
     * journey's 32 timer rows, 10 KB. A timer that leads anywhere else (release day, a gateway) is
     * kept: what happened then is not written elsewhere.
     */
    static final String TIMER = "intermediateTimer";

    static final String USER_TASK = "userTask";

    /** Ends of a scope (none, error, escalation, terminate...). */
    static final String END_EVENT_TYPE_SUFFIX = "EndEvent";

    /** A plain end: the only end of a sub-process says no more than the sub-process's own row. */
    static final String NONE_END_EVENT = "noneEndEvent";

    /**
     * A sub-process drawn in its parent's flow. An event sub-process's end is kept: what an event
     * led to ("Deadlines moved", "Overtaken by release") is an outcome.
     */
    static final String EMBEDDED_SUB_PROCESS = "subProcess";

    /** The engine's own counters of a multi-instance step. */
    static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    /** A referral's copies of its case's Tasklist columns (journey/ReferralAccess), as task variables. */
    static final Set<String> TASK_COPIES = CaseAccess.TASKLIST_COLUMNS.stream()
            .map(CaseAccess.TasklistColumn::variable).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * A variable created empty (a notes field left blank, an answer the form did not ask): its row
     * would say only that nothing was written. Given a value later, the engine writes its row then
     * (an update finding no row inserts one).
     */
    static final String NULL_VALUE = ValueType.NULL.getName();

    /** Kept on every watched task, in any process: the id of its watch. */
    static final String WATCH_ID = DeadlineEscalationProcess.WATCH_ID;

    @Override
    public int getId() {
        return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (DROPPED.contains(eventType)) {
            return false;
        }
        if (entity instanceof IdentityLinkEntity link && IdentityLinkType.CANDIDATE.equals(link.getType())) {
            return false;
        }
        if (eventType != HistoryEventTypes.USER_OPERATION_LOG && isUnrecordedProcess(processKeyOf(entity))) {
            return false;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE && entity instanceof VariableInstanceEntity variable
                && NULL_VALUE.equals(variable.getSerializerName())) {
            return false;
        }
        if (VARIABLE_EVENTS.contains(eventType) && entity instanceof VariableInstanceEntity variable
                && isUnkeptVariable(variable)) {
            return false;
        }
        if (ACTIVITY_EVENTS.contains(eventType) && entity instanceof ExecutionEntity execution
                && isUnkeptStep(execution)) {
            return false;
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }

    private static boolean isUnkeptVariable(VariableInstanceEntity variable) {
        if (WATCH_ID.equals(variable.getName()) || MULTI_INSTANCE_COUNTERS.contains(variable.getName())) {
            return true;
        }
        if (variable.getTaskId() != null && TASK_COPIES.contains(variable.getName())) {
            return true;
        }
        Set<String> copies = BOOKKEEPING_COPIES.get(processKey(variable.getExecution()));
        return copies != null && copies.contains(variable.getName());
    }

    private static boolean isUnkeptStep(ExecutionEntity execution) {
        if (execution.getActivity() == null) {
            return false;
        }
        String type = String.valueOf(execution.getActivity().getProperty("type"));
        if (ROUTING_STEPS.contains(type) || isOnlyEndOfSubProcess(execution.getActivity(), type)
                || onlyOpensATask(execution.getActivity(), type)) {
            return true;
        }
        return BOOKKEEPING_COPIES.containsKey(processKey(execution)) && !KEPT_BOOKKEEPING_STEPS.contains(type);
    }

    private static boolean onlyOpensATask(ActivityImpl step, String type) {
        return TIMER.equals(type) && !step.getOutgoingTransitions().isEmpty() && step.getOutgoingTransitions().stream()
                .allMatch(flow -> USER_TASK.equals(flow.getDestination().getProperty("type")));
    }

    private static boolean isOnlyEndOfSubProcess(ActivityImpl step, String type) {
        if (!NONE_END_EVENT.equals(type) || !(step.getFlowScope() instanceof ActivityImpl subProcess)
                || !EMBEDDED_SUB_PROCESS.equals(subProcess.getProperty("type")) || subProcess.isTriggeredByEvent()) {
            return false;
        }
        return endEvents(subProcess) == 1;
    }

    private static long endEvents(ScopeImpl scope) {
        return scope.getActivities().stream()
                .filter(step -> String.valueOf(step.getProperty("type")).endsWith(END_EVENT_TYPE_SUFFIX)).count();
    }

    private static boolean isUnrecordedProcess(String key) {
        return key != null && UNRECORDED_PROCESSES.contains(key);
    }

    /** The key of the process an event is about, where the entity says so without a query. */
    private static String processKeyOf(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            return processKey(execution);
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return processKey(variable.getExecution());
        }
        if (entity instanceof JobEntity job) {
            return job.getProcessDefinitionKey();
        }
        if (entity instanceof IncidentEntity incident && incident.getExecutionId() != null) {
            return processKey(incident.getExecution());
        }
        return null;
    }

    private static String processKey(ExecutionEntity execution) {
        return execution == null || execution.getProcessDefinition() == null ? null
                : execution.getProcessDefinition().getKey();
    }
}
