package uk.org.throughthegate.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.WholeJourney;

/** A process owner improves the journey (version 2) while journeys are running on version 1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
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
        assertThat(timer(engine, atMeeting, "Timer_InitialPlanningMeetingLate").getDuedate()).isEqualTo(endOfDay("2027-01-06"));
        assertThat(timer(engine, onLicence, "Timer_AppointmentDay").getDuedate()).isEqualTo(startOfDay("2027-04-08"));

        WholeJourney.walkOn(engine, atConsent);
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
