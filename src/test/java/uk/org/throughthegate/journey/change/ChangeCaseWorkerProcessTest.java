package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.refusal.JourneyChangeRefused;
import uk.org.throughthegate.taskform.FormSchema;

/**
 * Custody knows who the community keyworker is: the YOT names its case worker and resettlement
 * contact at consent, custody's tasks show them, and a change tells the custody team.
 */
@SpringBootTest
@ActiveProfiles("test")
class ChangeCaseWorkerProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        BpmnAwareTests.init(engine);
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theYotNamesItsCaseWorkerAtConsentAndCustodysTasksShowThem() throws Exception {
        ProcessInstance journey = consented("LEW-KEYWORKER");

        BpmnAwareTests.assertThat(journey).variables().containsEntry("yotCaseWorker", "Sam Okoro, case worker")
                .containsEntry("yotCaseWorkerContact", "020 8314 0000")
                .containsEntry("yotResettlementContact", "Resettlement lead, 020 8314 0001");
        for (String custodyTask : List.of("Task_HoldInitialPlanningMeeting")) {
            try (var form = engine.getFormService().getDeployedTaskForm(task(engine, journey, custodyTask).getId())) {
                assertThat(FormSchema.shownVariables(form)).as(custodyTask)
                        .contains("yotCaseWorker", "yotCaseWorkerContact", "yotResettlementContact");
            }
        }
        ProcessInstance rotl = requestRotl(engine, "LEW-KEYWORKER", "ete-taster", "2027-03-10");
        BpmnAwareTests.assertThat(rotl).variables().containsEntry("yotCaseWorker", "Sam Okoro, case worker");
    }

    @Test
    void consentCannotBeRecordedWithoutNamingWhoCustodyContacts() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-KEYWORKER-NONE"));
        String consent = task(engine, journey, "Task_RecordConsent").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(consent, Map.of("consentToShare", "given")))
                .hasMessageContaining("(yotCaseWorker) is required").hasMessageContaining("(yotResettlementContact) is required");
        BpmnAwareTests.assertThat(journey).isWaitingAt("Task_RecordConsent");
    }

    @Test
    void aNewCaseWorkerIsKeptByTheJourneyAndItsRequestsAndTheCustodyTeamIsTold() {
        ProcessInstance journey = consented("LEW-KEYWORKER-NEW");
        ProcessInstance rotl = requestRotl(engine, "LEW-KEYWORKER-NEW", "ete-taster", "2027-03-10");

        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        ProcessInstance change = changeCaseWorker("LEW-KEYWORKER-NEW", "Alex Brown, senior case worker", "020 8314 0002");
        engine.getIdentityService().clearAuthentication();

        BpmnAwareTests.assertThat(change).isEnded().hasPassed("End_CustodyTold");
        BpmnAwareTests.assertThat(journey).variables().containsEntry("yotCaseWorker", "Alex Brown, senior case worker")
                .containsEntry("yotCaseWorkerContact", "020 8314 0002")
                .containsEntry("yotResettlementContact", "Resettlement lead, 020 8314 0001");
        BpmnAwareTests.assertThat(task(engine, journey, "Task_NoteNewCaseWorker")).hasCandidateGroup("custody-feltham");
        BpmnAwareTests.assertThat(journey).as("the journey goes on where it was").isWaitingAt("Task_HoldInitialPlanningMeeting");
        BpmnAwareTests.assertThat(rotl).variables().containsEntry("yotCaseWorker", "Alex Brown, senior case worker");

        complete(engine, journey, "Task_NoteNewCaseWorker", "newCaseWorkerNoted", true);
        BpmnAwareTests.assertThat(journey).hasPassed("End_NewCaseWorkerNoted");
    }

    @Test
    void anotherYotCannotChangeTheCaseWorkerAndNothingChanges() {
        ProcessInstance journey = consented("LEW-KEYWORKER-LEEDS");

        engine.getIdentityService().setAuthenticatedUserId("yot.leeds");
        assertThatThrownBy(() -> changeCaseWorker("LEW-KEYWORKER-LEEDS", "Someone else", "0113 000 0000"))
                .isInstanceOf(JourneyChangeRefused.class).hasMessageContaining("'yot.leeds' is not on a team of this case");
        engine.getIdentityService().clearAuthentication();
        assertThatThrownBy(() -> changeCaseWorker("LEW-NO-SUCH-CASE", "Someone", "0"))
                .hasMessageContaining("'LEW-NO-SUCH-CASE' has no running journey");

        BpmnAwareTests.assertThat(journey).variables().containsEntry("yotCaseWorker", "Sam Okoro, case worker");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_NoteNewCaseWorker").count()).isZero();
    }

    ProcessInstance consented(String reference) {
        ProcessInstance journey = start(engine, lewishamCase(reference));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given", "yotCaseWorker", "Sam Okoro, case worker",
                "yotCaseWorkerContact", "020 8314 0000", "yotResettlementContact", "Resettlement lead, 020 8314 0001");
        return journey;
    }

    ProcessInstance changeCaseWorker(String reference, String worker, String contact) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("yotCaseWorker", worker);
        v.put("yotCaseWorkerContact", contact);
        return engine.getRuntimeService().startProcessInstanceByKey("change-case-worker", v);
    }
}
