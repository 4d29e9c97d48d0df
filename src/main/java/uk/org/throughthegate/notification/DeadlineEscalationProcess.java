package uk.org.throughthegate.notification;

/** Names shared by {@code deadline-escalation.bpmn} and the code that starts, moves and ends it. */
public final class DeadlineEscalationProcess {

    public static final String KEY = "deadline-escalation";
    public static final String TASK_DONE_MESSAGE = "WatchedTaskDone";

    /**
     * The kind of job ({@code ACT_RU_JOB.HANDLER_TYPE_}) a task with a due date holds until its
     * reminder is due, keyed by the task's id; then it starts the watch (notification/WatchStartTimer).
     */
    public static final String WATCH_START_TIMER = "ttg-deadline-watch-start";
    public static final String WATCHED_TASK_ID = "watchedTaskId";
    /** Kept on the watched task (local variable): the id of its watch's process instance. */
    public static final String WATCH_ID = "escalationWatchId";
    public static final String WATCHED_TASK_NAME = "watchedTaskName";
    public static final String DUE_AT = "dueAt";
    /** The due date as a person reads it, for the escalation form. */
    public static final String DUE_TEXT = "dueText";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String CONSORTIUM = "consortium";
    public static final String YOT_MANAGER_TEAM = "yotManagerTeam";
    public static final String PM_TEAM = "pmTeam";
    public static final String STRATEGIC_LEAD_TEAM = "strategicLeadTeam";

    private DeadlineEscalationProcess() {
    }
}
