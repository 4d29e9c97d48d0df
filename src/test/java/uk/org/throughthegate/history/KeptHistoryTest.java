package uk.org.throughthegate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.WholeJourney;
import uk.org.throughthegate.notification.DeadlineEscalationProcess;

/** What history keeps of a journey, of the watch on each deadline and of each mail (see KeptHistory). */
@SpringBootTest
@ActiveProfiles("test")
class KeptHistoryTest {

    @Autowired
    ProcessEngine engine;

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
    }

    @Test
    void aWatchedDeadlineKeepsThatItWasWatchedAndHowItEndedButNotItsCopiesOrSteps() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-KEPT-2"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        String watch = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DeadlineEscalationProcess.KEY)
                .processInstanceBusinessKey("LEW-KEPT-2").singleResult().getId();
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");

        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(watch).finished().singleResult()
                .getEndActivityId()).as("how the watch ended").isEqualTo("End_TaskDoneEscalationClosed");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watch).list())
                .as("its steps, end event included: the instance says how it ended").isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(watch).list()).isEmpty();
    }

    @Test
    void aSentMailKeepsWhoItWentToAndWhatItWasAboutButNotItsTextOrAddress() {
        TestPeople.mailable(engine, "yot.kept", "yot-lewisham");
        start(engine, lewishamCase("LEW-KEPT-3"));
        var mail = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("send-mail")
                .processInstanceBusinessKey("LEW-KEPT-3").list().stream()
                .filter(m -> TestPeople.address("yot.kept").equals(engine.getRuntimeService().getVariable(m.getId(), "to")))
                .findFirst().orElseThrow();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(mail.getId()).singleResult().getId());

        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(mail.getId()).finished().count()).isEqualTo(1);
        List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery().processInstanceId(mail.getId()).list();
        assertThat(kept).extracting(HistoricVariableInstance::getName).as("the key names the task and the person")
                .containsExactly("mailKey");
        assertThat(kept).extracting(HistoricVariableInstance::getValue).first().asString()
                .startsWith("new-task:").endsWith(":yot.kept");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(mail.getId()).singleResult()
                .getEndActivityId()).as("sent").isEqualTo("End_MailSent");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(mail.getId()).list()).isEmpty();
    }
}
