package uk.org.throughthegate.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.WholeJourney;

/** A process owner improves the journey (version 2) while journeys are running on version 1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// It deploys process owners' versions of the journey and keeps them: later journeys would start on them.
@DirtiesContext
class JourneyMigrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Test
    void journeysAtSeveralStagesMoveToVersion2AndOneRunsToItsEndThere() throws Exception {
        ProcessInstance atConsent = start(engine, lewishamCase("LEW-MIG-1"));
        ProcessInstance atMeeting = start(engine, lewishamCase("LEW-MIG-2"));
        complete(engine, atMeeting, "Task_RecordConsent");
        ProcessInstance onLicence = start(engine, lewishamCase("LEW-MIG-3"));
        fire(engine, onLicence, "Timer_ReleaseDateReached");
        complete(engine, onLicence, "Task_ReleaseDayContact");
        var version1 = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(atConsent.getId())
                .singleResult().getProcessDefinitionId();

        String changed = Files.readString(Path.of("bpmn/resettlement-journey.bpmn"))
                .replace("name=\"Record consent to share information\"", "name=\"Record consent to share information (asked of the family too)\"");
        engine.getRepositoryService().createDeployment().name("process owner: consent wording")
                .addString("bpmn/resettlement-journey.bpmn", changed).deploy();
        TestPeople.person(engine, "owner", "process-owners");

        var response = http.withBasicAuth("owner", TestPeople.PASSWORD)
                .postForEntity("/api/migrations/" + JourneyProcess.KEY, null, Map[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting(o -> o.get("caseReference"))
                .contains("LEW-MIG-1", "LEW-MIG-2", "LEW-MIG-3");
        assertThat(response.getBody()).allSatisfy(o -> assertThat(o.get("migrated")).as(o.toString()).isEqualTo(true));
        for (ProcessInstance journey : List.of(atConsent, atMeeting, onLicence)) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId())
                    .singleResult().getProcessDefinitionId()).isNotEqualTo(version1);
        }
        assertThat(task(engine, atConsent, "Task_RecordConsent").getProcessDefinitionId())
                .as("the open task moved with its journey").isNotEqualTo(version1);
        assertThat(task(engine, atMeeting, "Task_HoldInitialPlanningMeeting").getDueDate()).isEqualTo(endOfDay("2027-01-06"));
        assertThat(timer(engine, onLicence, "Timer_AppointmentDay").getDuedate()).isEqualTo(startOfDay("2027-04-08"));

        WholeJourney.walkOn(engine, atConsent);
    }

    /**
     * Journeys started on the version before release-date changes and returns to custody were
     * modelled (and before the late-step follow-ups gave way to the escalation ladder), at each
     * stage, move to the current model with the migration endpoint; afterwards every way a journey
     * changes works on them through the model.
     */
    @Test
    void journeysOnTheVersionBeforeModelledChangesMoveAtEveryStageAndChangeThroughTheModelAfterwards() throws Exception {
        String old = engine.getRepositoryService().createDeployment().name("journey before modelled changes")
                .addInputStream("resettlement-journey.bpmn",
                        getClass().getResourceAsStream("/migration/resettlement-journey-before-modelled-changes.bpmn"))
                .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
        ProcessInstance atConsent = startOn(old, "LEW-MOVE-1");
        ProcessInstance lateMeeting = startOn(old, "LEW-MOVE-2");
        complete(engine, lateMeeting, "Task_RecordConsent");
        fire(engine, lateMeeting, "Timer_InitialPlanningMeetingLate");
        ProcessInstance atHandover = startOn(old, "LEW-MOVE-3");
        fire(engine, atHandover, "Timer_HandoverOpens");
        ProcessInstance atReleaseDay = startOn(old, "LEW-MOVE-4");
        fire(engine, atReleaseDay, "Timer_ReleaseDateReached");
        ProcessInstance onLicence = startOn(old, "LEW-MOVE-5");
        WholeJourney.walkToLicence(engine, onLicence);
        fire(engine, onLicence, "Timer_AppointmentDay");
        ProcessInstance inExit = startOn(old, "LEW-MOVE-6");
        WholeJourney.walkToLicence(engine, inExit);
        while (engine.getManagementService().createJobQuery().processInstanceId(inExit.getId())
                .activityId("Timer_AppointmentDay").count() > 0) {
            fire(engine, inExit, "Timer_AppointmentDay");
            complete(engine, inExit, "Task_RecordSupervisionAppointment", "appointmentOutcome", "attended");
        }
        fire(engine, inExit, "Timer_FeedbackDay");
        complete(engine, inExit, "Task_RecordFeedback", "feedbackGiven", "given");
        fire(engine, inExit, "Timer_LicenceEnds");
        engine.getRepositoryService().createDeployment().name("journey with modelled changes")
                .addString("resettlement-journey.bpmn", Files.readString(Path.of("bpmn/resettlement-journey.bpmn"))).deploy();
        TestPeople.person(engine, "owner", "process-owners");

        var response = http.withBasicAuth("owner", TestPeople.PASSWORD)
                .postForEntity("/api/migrations/" + JourneyProcess.KEY, null, Map[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<Object, Map> byCase = new java.util.HashMap<>();
        for (Map outcome : response.getBody()) {
            byCase.put(outcome.get("caseReference"), outcome);
        }
        for (String reference : List.of("LEW-MOVE-1", "LEW-MOVE-2", "LEW-MOVE-3", "LEW-MOVE-4", "LEW-MOVE-5", "LEW-MOVE-6")) {
            assertThat(byCase.get(reference)).as(reference).isNotNull();
            assertThat(byCase.get(reference).get("migrated")).as(byCase.get(reference).toString()).isEqualTo(true);
        }
        assertThat(byCase.get("LEW-MOVE-2").get("detail").toString())
                .contains("closed steps the new version no longer has: Follow up late initial planning meeting");
        BpmnAwareTests.init(engine);
        BpmnAwareTests.assertThat(lateMeeting).isWaitingAt("Task_HoldInitialPlanningMeeting");
        BpmnAwareTests.assertThat(atHandover).isWaitingAt("Task_PrepareHandoverPack");
        BpmnAwareTests.assertThat(onLicence).isWaitingAt("Task_RecordSupervisionAppointment", "Timer_FeedbackDay");
        BpmnAwareTests.assertThat(inExit).isWaitingAt("Task_AgreeExitPlan");

        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        try {
            engine.getRuntimeService().startProcessInstanceByKey("change-release-date",
                    Map.of("caseReference", "LEW-MOVE-3", "newReleaseDate", "2027-03-01"));
            engine.getRuntimeService().startProcessInstanceByKey("recall-to-custody", Map.of("caseReference", "LEW-MOVE-5",
                    "recallReason", "breach", "newReleaseDate", "2027-06-21"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRuntimeService().getVariable(atHandover.getId(), "handoverDue")).isEqualTo("2027-02-15");
        assertThat(task(engine, atHandover, "Task_PrepareHandoverPack").getDueDate()).isEqualTo(endOfDay("2027-02-15"));
        BpmnAwareTests.assertThat(onLicence).hasPassed("Event_ReturnedToCustody")
                .isWaitingAt("Task_AssessNeeds", "Timer_HandoverOpens");

        complete(engine, atReleaseDay, "Task_ReleaseDayContact");
        WholeJourney.walkOn(engine, atConsent);
    }

    private ProcessInstance startOn(String definitionId, String reference) {
        return engine.getRuntimeService().startProcessInstanceById(definitionId, reference, lewishamCase(reference));
    }

    @Test
    void onlyProcessOwnersMigrate() {
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        assertThat(http.withBasicAuth("yot.lewisham", TestPeople.PASSWORD)
                .postForEntity("/api/migrations/" + JourneyProcess.KEY, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/migrations/" + JourneyProcess.KEY, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
