package uk.org.throughthegate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.WholeJourney;
import uk.org.throughthegate.notification.DeadlineEscalationProcess;
import uk.org.throughthegate.notification.MailLog;
import uk.org.throughthegate.notification.Mailbox;

/** What history keeps of a journey, of the watch on each deadline and of each mail (see KeptHistory). */
@SpringBootTest
@ActiveProfiles("test")
class KeptHistoryTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    MailLog mailLog;

    @Test
    void theJourneysOwnStepsAndAnswersAreKeptButNotEveryEarlierValue() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-KEPT-1"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "05/01/2027");

        var history = engine.getHistoryService();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId()).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("SubProcess_Custody", "Task_RecordConsent", "Task_HoldInitialPlanningMeeting");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(journey.getId()).singleResult()
                .getStartActivityId()).as("how it started, on the journey's own row").isEqualTo("StartEvent_CustodyEntry");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId()).variableName("ipmHeldOn")
                .singleResult().getValue()).isEqualTo("2027-01-05");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(journey.getId()).finished().count()).isEqualTo(2);
        assertThat(history.createHistoricDetailQuery().processInstanceId(journey.getId()).count())
                .as("no earlier values of variables").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableName(DeadlineEscalationProcess.WATCH_ID).count())
                .as("the watch's id on a task is bookkeeping").isZero();
    }

    @Test
    void aClosedJourneyKeepsItsStepsAndOutcomesButNotItsRouting() {
        ProcessInstance journey = WholeJourney.walkOn(engine, start(engine, lewishamCase("LEW-KEPT-4")));
        assertThat(journey).isEnded();

        List<HistoricActivityInstance> steps = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(journey.getId()).list();
        assertThat(steps).extracting(HistoricActivityInstance::getActivityType).as("routing is not kept")
                .doesNotContain("exclusiveGateway", "inclusiveGateway", "parallelGateway", "startEvent", "multiInstanceBody")
                .contains("userTask", "subProcess", "intermediateTimer", "noneEndEvent");
        assertThat(steps).extracting(HistoricActivityInstance::getActivityId).as("each stage, each outcome, each appointment")
                .contains("SubProcess_Custody", "SubProcess_Released", "SubProcess_Supervision", "Task_RecordSupervisionAppointment",
                        "Timer_ReleaseDate", "Task_AgreeExitPlan", "End_JourneyClosed", "End_PlanAgreed");
        assertThat(steps).extracting(HistoricActivityInstance::getActivityId)
                .as("a timer that only opens a task: the task's row says when it opened")
                .doesNotContain("Timer_AppointmentDay", "Timer_LicenceEnds", "Timer_CheckInDay");
        var appointments = steps.stream().filter(step -> step.getActivityId().equals("Task_RecordSupervisionAppointment")).toList();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_RecordSupervisionAppointment").list())
                .as("each appointment's task opened on its day").hasSameSizeAs(appointments).isNotEmpty();
        assertThat(engine.getHistoryService().createHistoricIdentityLinkLogQuery().processDefinitionId(journey.getProcessDefinitionId())
                .type("candidate").list()).as("which teams a task was for: the model and the case's teams say so").isEmpty();
        assertThat(steps).extracting(HistoricActivityInstance::getActivityId)
                .as("the only end of a sub-process: the sub-process's own row says when it ended")
                .doesNotContain("End_AppointmentRecorded", "End_Accommodation", "End_Handover");
        assertThat(steps).filteredOn(step -> step.getActivityId().equals("SubProcess_Supervision")).isNotEmpty()
                .as("each appointment's sub-process completed, none cancelled").noneMatch(HistoricActivityInstance::isCanceled);
        assertThat(steps).filteredOn(step -> step.getEndTime() == null).as("every kept step ended with the journey").isEmpty();
        List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(journey.getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).as("the answers stay, the engine's counters do not")
                .contains("appointmentOutcome", "exitPlan", "caseReference", "releaseDate")
                .doesNotContain("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
        assertThat(variables).filteredOn(variable -> variable.getTaskId() != null)
                .extracting(HistoricVariableInstance::getName).as("a referral's copies of its case's Tasklist columns")
                .doesNotContain("caseReference", "releaseDate");
        assertThat(variables).filteredOn(variable -> variable.getName().equals("releaseDate")).as("the journey's own")
                .hasSize(1);
        assertThat(variables).as("no row for an answer left empty").noneMatch(variable -> variable.getValue() == null);
    }

    @Test
    void aWatchThatAskedNobodyToActLeavesNoHistoryOfItsOwn() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-KEPT-2"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        String watch = watchOfMeeting("LEW-KEPT-2");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");

        var history = engine.getHistoryService();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(watch).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(watch).count())
                .as("the meeting's own history says when it was due and held").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watch).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(watch).count()).isZero();
    }

    @Test
    void aWatchThatAskedAManagerToActKeepsHowItEndedAndTheRungButNotItsCopiesOrSteps() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-KEPT-6"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        String watch = watchOfMeeting("LEW-KEPT-6");
        var jobs = engine.getManagementService();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(watch).activityId("Timer_ReminderDue").singleResult().getId());
        jobs.executeJob(jobs.createJobQuery().processInstanceId(watch).activityId("Timer_OverdueForYotManager").singleResult().getId());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(watch).taskDefinitionKey("Task_ResolveOverdueYotManager")
                .count()).as("the YOT manager's rung").isEqualTo(1);
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");

        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(watch).finished().singleResult()
                .getEndActivityId()).as("how the watch ended").isEqualTo("End_TaskDoneEscalationClosed");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watch).list())
                .extracting(HistoricActivityInstance::getActivityId).as("the rung; no timers, mails or end events")
                .containsExactly("Task_ResolveOverdueYotManager");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(watch).singleResult().getDeleteReason())
                .as("closed by itself when the meeting was held").isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(watch).list())
                .extracting(HistoricVariableInstance::getName).as("no copies of the journey's facts")
                .doesNotContain(DeadlineEscalationProcess.CASE_REFERENCE, DeadlineEscalationProcess.WATCHED_TASK_ID,
                        DeadlineEscalationProcess.DUE_AT, DeadlineEscalationProcess.YOT_MANAGER_TEAM);
    }

    private String watchOfMeeting(String caseReference) {
        String meeting = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseReference)
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").singleResult().getId();
        return reminderDue(engine, meeting).getId();
    }

    @Test
    void aSentMailIsInTheMailLogWithItsCaseAndKeyAndLeavesNoEngineHistory() {
        TestPeople.mailable(engine, "yot.kept", "yot-lewisham");
        start(engine, lewishamCase("LEW-KEPT-3"));
        assertThat(mailLog.about("LEW-KEPT-3")).as("not sent yet").noneMatch(m -> m.key().endsWith(":yot.kept"));
        var history = engine.getHistoryService();
        long jobLogBefore = history.createHistoricJobLogQuery().count();

        Mailbox.deliverQueued(engine);

        assertThat(mailLog.about("LEW-KEPT-3")).extracting(MailLog.SentMail::key).as("the key names the task and the person")
                .anyMatch(key -> key.startsWith("new-task:") && key.endsWith(":yot.kept"));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("send-mail").count())
                .as("sent from the outbox: no send-mail instance needed").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("send-mail").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("to").count()).isZero();
        assertThat(history.createHistoricJobLogQuery().count()).as("the sending job's success is not recorded")
                .isEqualTo(jobLogBefore);
    }

    @Test
    void theMailLogForgetsMailsAfterHalfAYearAndNothingYounger() {
        TestPeople.mailable(engine, "yot.kept5", "yot-lewisham");
        try {
            ClockUtil.setCurrentTime(at("2027-01-04T10:00:00Z"));
            ProcessInstance journey = start(engine, lewishamCase("LEW-KEPT-5"));
            sendAllMailsAbout("LEW-KEPT-5");
            int sentInJanuary = mailLog.about("LEW-KEPT-5").size();
            assertThat(sentInJanuary).isPositive();

            ClockUtil.setCurrentTime(at("2027-06-30T10:00:00Z"));
            complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
            sendAllMailsAbout("LEW-KEPT-5");
            int sentInJune = mailLog.about("LEW-KEPT-5").size() - sentInJanuary;
            assertThat(sentInJune).isPositive();

            ClockUtil.setCurrentTime(at("2027-07-04T01:30:00Z"));
            mailLog.forgetOld();
            assertThat(mailLog.about("LEW-KEPT-5")).as("January's mails are 181 days old; June's 4 days")
                    .hasSize(sentInJune)
                    .allMatch(m -> m.sentAt().equals(Instant.parse("2027-06-30T10:00:00Z")));
        } finally {
            ClockUtil.reset();
        }
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private void sendAllMailsAbout(String caseReference) {
        Mailbox.deliverQueued(engine);
    }
}
