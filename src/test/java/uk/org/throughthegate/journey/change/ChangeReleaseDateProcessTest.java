package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.JourneyScenarioNeeds;

/** The Lewisham child's release moves from 1 April to 1 March 2027; today is Monday 4 January 2027. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChangeReleaseDateProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void today() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void releaseOneMonthEarlierMovesEveryDeadlineThatFollowsFromItAndDuplicatesNothing() {
        ProcessInstance journey = startWithAccommodationNeeded("LEW-EARLY");
        long timers = timerCount(journey);

        changeReleaseDate("LEW-EARLY", "2027-03-01");

        assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("releaseDate", "2027-03-01").containsEntry("accommodationDue", "2027-01-18")
                .containsEntry("handoverDue", "2027-02-15").containsEntry("nextReviewDue", "2027-02-15")
                .containsEntry("licenceEndDate", "2027-08-18");
        BpmnAwareTests.assertThat(journey).as("the journey's own model moved them")
                .hasPassed("Start_ReleaseDateChanged", "Task_MoveDeadlinesToNewReleaseDate", "End_DeadlinesMoved");
        assertThat(engine.getRuntimeService().getVariables(journey.getId())).as("the new date became the release date")
                .doesNotContainKey("newReleaseDate");
        assertThat(task(engine, journey, "Task_ProposeAccommodation").getDueDate()).isEqualTo(endOfDay("2027-01-18"));
        assertThat(engine.getTaskService().getVariableLocal(task(engine, journey, "Task_ProposeAccommodation").getId(), "releaseDate"))
                .as("the provider's Tasklist shows the new date too").isEqualTo("2027-03-01");
        assertThat(timer(engine, journey, "Timer_HandoverOpens").getDuedate()).isEqualTo(startOfDay("2027-02-01"));
        assertThat(timer(engine, journey, "Timer_ReleaseDateReached").getDuedate()).isEqualTo(startOfDay("2027-03-01"));
        assertThat(timer(engine, journey, "Timer_ReviewMeetingOpens").getDuedate())
                .as("the review before release opens ten working days before it").isEqualTo(startOfDay("2027-02-01"));
        assertThat(timerCount(journey)).as("timers moved, none added").isEqualTo(timers);
    }

    @Test
    void deadlinesTheNewDateHasAlreadyPassedAreListedBackToWhoeverMadeTheChange() {
        ClockUtil.setCurrentTime(at("2027-01-20T10:00"));
        startWithAccommodationNeeded("LEW-PASSED");
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");

        ProcessInstance change = changeReleaseDate("LEW-PASSED", "2027-03-01");
        engine.getIdentityService().clearAuthentication();

        var act = engine.getTaskService().createTaskQuery().processInstanceId(change.getId()).singleResult();
        assertThat(act.getTaskDefinitionKey()).isEqualTo("Task_ActOnPassedDeadlines");
        assertThat(act.getAssignee()).isEqualTo("yot.lewisham");
        assertThat(engine.getTaskService().getVariable(act.getId(), "passedDeadlines").toString())
                .contains("accommodationDue: 2027-02-18 -> 2027-01-18 (already passed)")
                .doesNotContain("handoverDue");
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "LEW-CHANGE-1 | 2026-12-31 | releaseDate 2026-12-31 is in the past",
            "LEW-CHANGE-2 | 2027-08-18 | releaseDate 2027-08-18 is not before the licence end date 2027-08-18",
            "LEW-CHANGE-3 | 2027-04-01 | releaseDate 2027-04-01 is already the release date",
            "LEW-CHANGE-4 | 1 March    | 'New release date (dd/mm/yyyy)' (newReleaseDate) '1 March' is not a date: type day/month/year, such as 23/11/2026",
            "LEW-CHANGE-5 | 04/31/2027 | (newReleaseDate) '04/31/2027' is not a real date"})
    void aWrongNewDateIsRefusedAndNothingMoves(String reference, String date, String message) {
        ProcessInstance journey = start(engine, lewishamCase(reference));
        var before = engine.getRuntimeService().getVariables(journey.getId());

        assertThatThrownBy(() -> changeReleaseDate(reference, date)).hasMessageContaining(message);

        assertThat(engine.getRuntimeService().getVariables(journey.getId())).isEqualTo(before);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReleaseDateChangeProcess.KEY).variableValueEquals("caseReference", reference).count())
                .as("nothing kept of the refused change").isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
                .activityId("Start_ReleaseDateChanged").count()).as("the journey was not told").isZero();
    }

    @Test
    void aReleasedChildsDateCannotBeMovedAndAnUnknownCaseIsRefused() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-GONE"));
        fire(engine, journey, "Timer_ReleaseDateReached");

        assertThatThrownBy(() -> changeReleaseDate("LEW-GONE", "2027-05-01")).hasMessageContaining("has already been released");
        assertThatThrownBy(() -> changeReleaseDate("LEW-NOBODY", "2027-05-01")).hasMessageContaining("has no running journey");
    }

    @Test
    void aRotlRequestThatWouldNowFallAfterReleaseIsClosed() {
        startWithAccommodationNeeded("LEW-ROTL-MOVE");
        var rotl = requestRotl(engine, "LEW-ROTL-MOVE", "family", "2027-03-10");

        changeReleaseDate("LEW-ROTL-MOVE", "2027-03-01");

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(rotl.getId()).count()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void byRestTheChangeAnswersWithWhatMovedOrWith400() {
        startWithAccommodationNeeded("LEW-REST-MOVE");

        var ok = put("/api/journeys/LEW-REST-MOVE/release-date", Map.of("releaseDate", "2027-03-01", "reason", "early-release"));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) ok.getBody().get("moved")).contains(
                Map.of("deadline", "accommodationDue", "from", "2027-02-18", "to", "2027-01-18", "passed", false));
        assertThat((List<?>) ok.getBody().get("alreadyPassed")).isEmpty();

        var bad = put("/api/journeys/LEW-REST-MOVE/release-date", Map.of("releaseDate", "2030-01-01"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("message").toString()).contains("is not before the licence end date");

        var notADate = put("/api/journeys/LEW-REST-MOVE/release-date", Map.of("releaseDate", "30/02/2027"));
        assertThat(notADate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notADate.getBody().get("message").toString()).contains("'30/02/2027' is not a real date");

        var ukDate = put("/api/journeys/LEW-REST-MOVE/release-date", Map.of("releaseDate", "05/03/2027", "reason", "early-release"));
        assertThat(ukDate.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LEW-REST-MOVE")
                .processDefinitionKey(JourneyProcess.KEY).singleResult()).extracting(p -> engine.getRuntimeService()
                        .getVariable(p.getId(), "releaseDate")).isEqualTo("2027-03-05");
    }

    ProcessInstance startWithAccommodationNeeded(String reference) {
        ProcessInstance journey = start(engine, lewishamCase(reference));
        complete(engine, journey, "Task_RecordConsent");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");
        complete(engine, journey, "Task_AssessNeeds", JourneyScenarioNeeds.onlyAccommodation());
        complete(engine, journey, "Task_AssessHomelessness");
        assertThat(task(engine, journey, "Task_ProposeAccommodation").getDueDate()).isEqualTo(endOfDay("2027-02-18"));
        return journey;
    }

    ProcessInstance changeReleaseDate(String reference, String date) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("newReleaseDate", date);
        v.put("releaseChangeReason", "early-release");
        return engine.getRuntimeService().startProcessInstanceByKey(ReleaseDateChangeProcess.KEY, v);
    }

    long timerCount(ProcessInstance journey) {
        return engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).timers().count();
    }

    org.springframework.http.ResponseEntity<Map<String, Object>> put(String path, Object body) {
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        return http.withBasicAuth("yot.lewisham", TestPeople.PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), new ParameterizedTypeReference<>() {
        });
    }
}
