package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.throughthegate.access.TestPeople.address;
import static uk.org.throughthegate.access.TestPeople.mailable;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * Given a Lewisham case whose initial planning meeting is due on Wednesday 6 January 2027, the
 * team is reminded, then the YOT manager, the project manager and the strategic lead are each
 * given a task and a mail, on the working days South London's standards set; all of it closes
 * when the meeting is held. The real job executor fires the timers and sends the mails, on the
 * engine's clock.
 */
@SpringBootTest(properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT, "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles("test")
class DeadlineEscalationProcessTest {

    static final String MEETING_RUNG = "Resolve overdue: Hold the initial planning meeting";


    static Mailbox mailbox = new Mailbox();

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void startMailServer() {
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @BeforeEach
    void people() {
        mailable(engine, "yot.anna", "yot-lewisham");
        mailable(engine, "custody.cara", "custody-feltham");
        mailable(engine, "manager.mo", "yot-managers-lewisham");
        mailable(engine, "pm.pat", "pm-south-london");
        mailable(engine, "lead.lee", "sl-south-london");
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        // The job executor runs here, and the clock passes weekday mornings: the daily digest (tested
        // in TaskMailTest) would mail the same people and muddle the ladder's mail counts.
        var repository = engine.getRepositoryService();
        if (!repository.createProcessDefinitionQuery().processDefinitionKey("daily-digest").latestVersion().singleResult()
                .isSuspended()) {
            repository.suspendProcessDefinitionByKey("daily-digest", true, null);
        }
    }

    @AfterEach
    void tidy() {
        ClockUtil.reset();
        mailbox.clear();
    }

    @Test
    void anUndoneMeetingClimbsTheLadderOnTheStandardsWorkingDaysAndEverythingClosesWhenItIsHeld() {
        var journey = meetingDueOnSixthOfJanuary("LEW-LADDER");
        Task meeting = task(engine, journey, "Task_HoldInitialPlanningMeeting");
        assertThat(watchStartTimer(engine, meeting.getId()).getDuedate()).as("the reminder: 2 working days before the due day")
                .isEqualTo(at("2027-01-04T09:00"));
        assertThat(watchOf(meeting)).as("no watch until the reminder is due").isNull();

        ClockUtil.setCurrentTime(at("2027-01-04T09:01"));
        // the meeting's reminders (by now the case's contact in custody has its own mails and ladder)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Mailbox.minuteForWaitingMails(engine);
            return meetingMails("Reminder").size() >= 2;
        });
        ProcessInstance watch = watchOf(meeting);
        assertThat(watch).as("the watch started when the reminder came due").isNotNull();
        assertThat(watchStartTimer(engine, meeting.getId())).as("and the timer that started it is gone").isNull();
        List<Received> reminders = meetingMails("Reminder");
        assertThat(reminders).extracting(Received::to).containsExactlyInAnyOrder(address("yot.anna"), address("custody.cara"));
        assertThat(reminders.get(0).subject()).isEqualTo(
                "Reminder, due Wednesday 6 January 2027, 17:00: Hold the initial planning meeting (case LEW-LADDER)");
        assertThat(timerDue(watch, "Timer_OverdueForYotManager")).as("1 working day after the due day")
                .isEqualTo(at("2027-01-07T09:00"));

        assertThat(escalationsSeenBy("pm.pat", "pm-south-london", watch)).as("not overdue yet: nothing to see")
                .isZero();
        climb(watch, "2027-01-07T09:01", "Task_ResolveOverdueYotManager", "yot-managers-lewisham", "manager.mo");
        assertThat(escalationsSeenBy("pm.pat", "pm-south-london", watch))
                .as("the project manager opens the overdue escalation in Cockpit").isEqualTo(1);
        assertThat(escalationsSeenBy("lead.lee", "sl-south-london", watch)).isEqualTo(1);
        assertThat(escalationsSeenBy("pm.other", "pm-east-midlands", watch)).as("another consortium's PM")
                .isZero();
        assertThat(timerDue(watch, "Timer_OverdueForProjectManager")).as("3 working days after the due day")
                .isEqualTo(at("2027-01-11T09:00"));
        climb(watch, "2027-01-11T09:01", "Task_ResolveOverdueProjectManager", "pm-south-london", "pm.pat");
        assertThat(timerDue(watch, "Timer_OverdueForStrategicLead")).as("5 working days after the due day")
                .isEqualTo(at("2027-01-13T09:00"));
        climb(watch, "2027-01-13T09:01", "Task_ResolveOverdueStrategicLead", "sl-south-london", "lead.lee");

        // held by the YOT, who cannot see the managers' rungs: the watch's history is kept all the same
        engine.getIdentityService().setAuthentication("yot.anna", List.of("yot-lewisham"));
        try {
            complete(engine, journey, "Task_HoldInitialPlanningMeeting");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(watch.getId()).count())
                .as("every escalation task closed by itself").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(watch.getId()).count()).isZero();
        engine.getIdentityService().setAuthentication("pm.pat", List.of("pm-south-london"));
        try {
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(
                    DeadlineEscalationProcess.KEY).processInstanceId(watch.getId()).count())
                    .as("and its history once closed").isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(watch.getId())
                    .singleResult().getEndActivityId()).as("how it ended").isEqualTo("End_TaskDoneEscalationClosed");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long escalationsSeenBy(String user, String team, ProcessInstance watch) {
        engine.getIdentityService().setAuthentication(user, List.of(team));
        try {
            return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineEscalationProcess.KEY)
                    .processInstanceId(watch.getId()).count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void whenTheDueDateMovesTheReminderMovesWithIt() {
        var journey = meetingDueOnSixthOfJanuary("LEW-LADDER-MOVED");
        Task meeting = task(engine, journey, "Task_HoldInitialPlanningMeeting");

        meeting.setDueDate(endOfDay("2027-01-15"));
        engine.getTaskService().saveTask(meeting);
        assertThat(watchStartTimer(engine, meeting.getId()).getDuedate()).as("moved, not duplicated")
                .isEqualTo(at("2027-01-13T09:00"));

        ProcessInstance watch = reminderDue(engine, meeting.getId());
        assertThat(engine.getRuntimeService().getVariables(watch.getId()).keySet())
                .as("until a rung opens, a watch holds only what its timers need")
                .containsExactlyInAnyOrder(DeadlineEscalationProcess.WATCHED_TASK_ID, DeadlineEscalationProcess.DUE_AT,
                        DeadlineEscalationProcess.CONSORTIUM);
        assertThat(timerDue(watch, "Timer_ReminderDue")).as("the watch's own reminder, the same day").isEqualTo(at("2027-01-13T09:00"));

        meeting = engine.getTaskService().createTaskQuery().taskId(meeting.getId()).singleResult();
        meeting.setDueDate(endOfDay("2027-01-20"));
        engine.getTaskService().saveTask(meeting);

        assertThat(timerDue(watch, "Timer_ReminderDue")).as("a started watch moves too").isEqualTo(at("2027-01-18T09:00"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(watch.getId()).count())
                .as("moved, not duplicated").isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineEscalationProcess.KEY)
                .variableValueEquals(DeadlineEscalationProcess.WATCHED_TASK_ID, meeting.getId()).count()).isEqualTo(1);
    }

    @Test
    void aTaskWhoseDueDateIsTakenAwayHoldsNoTimer() {
        var journey = meetingDueOnSixthOfJanuary("LEW-LADDER-UNDATED");
        Task meeting = task(engine, journey, "Task_HoldInitialPlanningMeeting");

        meeting.setDueDate(null);
        engine.getTaskService().saveTask(meeting);

        assertThat(watchStartTimer(engine, meeting.getId())).isNull();
    }

    @Test
    void aTaskWatchedBeforeItKeptItsWatchsIdStillClosesItsWatchWhenDone() {
        var journey = meetingDueOnSixthOfJanuary("LEW-LADDER-LEGACY");
        Task meeting = task(engine, journey, "Task_HoldInitialPlanningMeeting");
        ProcessInstance watch = reminderDue(engine, meeting.getId());
        engine.getTaskService().removeVariableLocal(meeting.getId(), DeadlineEscalationProcess.WATCH_ID);

        complete(engine, journey, "Task_HoldInitialPlanningMeeting");

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(watch.getId()).count()).isZero();
    }

    @Test
    void aTaskDoneInTimeClimbsNoLadder() {
        var journey = meetingDueOnSixthOfJanuary("LEW-LADDER-ONTIME");
        Task meeting = task(engine, journey, "Task_HoldInitialPlanningMeeting");
        assertThat(watchStartTimer(engine, meeting.getId())).as("a timer for its reminder").isNotNull();
        assertThat(watchOf(meeting)).as("and no watch: nobody is granted anything").isNull();

        complete(engine, journey, "Task_HoldInitialPlanningMeeting");

        assertThat(watchStartTimer(engine, meeting.getId())).as("the timer went with the task").isNull();
        assertThat(watchOf(meeting)).as("nor a watch").isNull();
        var held = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").singleResult();
        assertThat(held.getEndTime()).as("the task's own history says it was done by its due date")
                .isBefore(held.getDueDate());
    }

    private ProcessInstance meetingDueOnSixthOfJanuary(String reference) {
        var journey = start(engine, lewishamCase(reference));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting").getDueDate()).isEqualTo(endOfDay("2027-01-06"));
        awaitMails(3); // the consent task's, then the meeting's new-task mails to both teams
        await().atMost(Duration.ofSeconds(30)).until(() -> { // and any other queued before the ladder starts
            Mailbox.minuteForWaitingMails(engine);
            return Mailbox.waitingInOutbox(engine) == 0
                    && engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MailOutbox.PROCESS_KEY).count() == 0;
        });
        mailbox.clear();
        return journey;
    }

    private void climb(ProcessInstance watch, String when, String rungTask, String team, String member) {
        ClockUtil.setCurrentTime(at(when));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceId(watch.getId()).taskDefinitionKey(rungTask).taskCandidateGroup(team).count()).isEqualTo(1));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(watch.getBusinessKey())
                .taskName(MEETING_RUNG).taskCandidateGroup(team).count()).as("one late step, one task for " + team).isEqualTo(1);
        Task rung = engine.getTaskService().createTaskQuery().processInstanceId(watch.getId()).taskDefinitionKey(rungTask)
                .singleResult();
        assertThat(rung.getName()).isEqualTo("Resolve overdue: Hold the initial planning meeting");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Mailbox.minuteForWaitingMails(engine);
            return !meetingMails("Overdue").isEmpty();
        });
        List<Received> mails = meetingMails("Overdue");
        assertThat(mails).extracting(Received::to).containsExactly(address(member));
        assertThat(mails.get(0).subject()).isEqualTo("Overdue, please act: Hold the initial planning meeting (case "
                + watch.getBusinessKey() + ")");
        assertThat(mails.get(0).text()).contains("It was due: Wednesday 6 January 2027, 17:00",
                "#/?task=" + rung.getId());
        mailbox.clear();
    }

    /** Only this ladder's mails of a kind (new-task mails of its rungs' tasks arrive too, and other steps' ladders). */
    private List<Received> meetingMails(String kind) {
        return mailbox.received().stream().filter(m -> m.subject().startsWith(kind))
                .filter(m -> m.subject().contains("Hold the initial planning meeting")).toList();
    }

    private List<Received> awaitMails(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Mailbox.minuteForWaitingMails(engine); // the engine clock stands still here; a mail behind another waits a minute
            return mailbox.received().size() >= count;
        });
        return mailbox.received();
    }

    private ProcessInstance watchOf(Task task) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineEscalationProcess.KEY)
                .variableValueEquals(DeadlineEscalationProcess.WATCHED_TASK_ID, task.getId()).singleResult();
    }

    private Date timerDue(ProcessInstance watch, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(watch.getId()).activityId(activityId)
                .singleResult().getDuedate();
    }
}
