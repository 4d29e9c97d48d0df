package uk.org.throughthegate.refusal;

import static uk.org.throughthegate.access.JsonRequest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.at;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.taskform.FormAnswers;

/**
 * What an operator reads when a person's input is refused: one WARN line per refused request,
 * whichever way it came in, naming what was refused, the case and the wrong fields; no stack trace,
 * no ERROR, and none of the values typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest {

    static final String BIRTH_DATE = "2011-07-19";
    static final String TYPED_NAME = "Jordan Examplechild";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void people() {
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRefusedCustodyEntryOnApiIsOneWarnLineNamingTheCaseAndFields(CapturedOutput log) {
        var entry = lewishamCase("LOG-API-1");
        entry.put("dateOfBirth", BIRTH_DATE);
        entry.put("releaseDate", "2026-12-01");
        int before = log.getAll().length();

        var response = as("yot.lewisham").exchange("/api/journeys", HttpMethod.POST, json(entry), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> lines = refusalLines(log, before);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(" WARN ")
                .endsWith("Refused: Custody entry for case LOG-API-1, wrong fields [releaseDate]");
        assertNothingElseLogged(log, before);
    }

    @Test
    void aRefusedCompletionThroughTheEngineRestApiIsOneWarnLine(CapturedOutput log) {
        var journey = JourneyScenario.start(engine, lewishamCase("LOG-REST-1"));
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();
        int before = log.getAll().length();

        // every other answer right, so that the one wrong field is the one named
        Map<String, Object> answers = new java.util.HashMap<>();
        FormAnswers.requiredFor(engine, taskId).forEach((name, value) -> answers.put(name, Map.of("value", value)));
        answers.put("consentToShare", Map.of("value", TYPED_NAME));
        var response = as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(Map.of("variables", answers)), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusalLines(log, before)).singleElement().asString()
                .endsWith("Refused: Completion of 'Record consent to share information' for case LOG-REST-1, wrong fields [consentToShare]");
        assertNothingElseLogged(log, before);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
    }

    @Test
    void aFormSubmittedAsTasklistDoesIsLoggedTheSameWay(CapturedOutput log) {
        var journey = JourneyScenario.start(engine, lewishamCase("LOG-FORM-1"));
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();
        int before = log.getAll().length();

        // Tasklist submits through the webapp's own copy of the engine API; both end in this call
        Map<String, Object> answers = new java.util.HashMap<>(FormAnswers.requiredFor(engine, taskId));
        answers.put("consentToShare", "maybe");
        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, answers))
                .satisfies(e -> assertThat(ClientMistake.refusalIn(e)).isNotNull());

        assertThat(refusalLines(log, before)).singleElement().asString()
                .endsWith("Refused: Completion of 'Record consent to share information' for case LOG-FORM-1, wrong fields [consentToShare]");
        assertNothingElseLogged(log, before);
    }

    @Test
    void somethingTypedAsTheCaseReferenceThatIsNoReferenceIsNotLogged(CapturedOutput log) {
        var entry = lewishamCase(TYPED_NAME);
        int before = log.getAll().length();

        var response = as("yot.lewisham").exchange("/api/journeys", HttpMethod.POST, json(entry), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusalLines(log, before)).singleElement().asString()
                .endsWith("Refused: Custody entry for case (none given), wrong fields [caseReference]");
        assertNothingElseLogged(log, before);
    }

    static List<String> refusalLines(CapturedOutput log, int from) {
        return Arrays.stream(log.getAll().substring(from).split("\\R")).filter(l -> l.contains("Refused: ")).toList();
    }

    static void assertNothingElseLogged(CapturedOutput log, int from) {
        String since = log.getAll().substring(from);
        assertThat(since).as("no values typed").doesNotContain(BIRTH_DATE).doesNotContain(TYPED_NAME)
                .doesNotContain("2026-12-01");
        assertThat(since).as("a refusal is not a fault").doesNotContain(" ERROR ").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestPeople.PASSWORD);
    }
}
