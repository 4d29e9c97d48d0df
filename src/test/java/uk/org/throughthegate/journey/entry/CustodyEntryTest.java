package uk.org.throughthegate.journey.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyScenario;

/** Custody entry through the engine, our REST endpoint and the engine's REST API: refused entries create nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustodyEntryTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest(name = "{0} = {1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "caseReference        |                | caseReference is required",
            "dateOfBirth          | 2018-01-01     | dateOfBirth gives an age of 8 at sentence",
            "dateOfBirth          | 2005-01-01     | dateOfBirth gives an age of 21 at sentence",
            "sentenceType         | YRO            | sentenceType 'YRO' is not supported",
            "sentenceLengthMonths | 9              | sentenceLengthMonths 9 months is not a length a DTO can have",
            "sentenceDate         | 12/18/2026     | sentenceDate '12/18/2026' is not a real date (day/month/year, such as 23/11/2026)",
            "sentenceDate         | 18.12.2026     | sentenceDate '18.12.2026' is not a date: type day/month/year",
            "releaseDate          | 2026-12-01     | releaseDate must be after the sentence date 2026-12-18",
            "releaseDate          | 2027-09-01     | releaseDate must be before the end of the 8-month order",
            "licenceEndDate       | 2027-03-01     | licenceEndDate must be after the release date",
            "homeYot              | Lewisham       | homeYot 'Lewisham' is not a YOT of any consortium",
            "establishment        | alcatraz       | establishment 'alcatraz' is not a known secure establishment"})
    void aWrongCustodyEntryIsRefusedNamingTheFieldAndNoJourneyIsCreated(String field, String value, String message) {
        var entry = lewishamCase("LEW-REFUSED");
        entry.put(field, value);

        assertThatThrownBy(() -> JourneyScenario.start(engine, entry))
                .isInstanceOf(CustodyEntryRefused.class).hasMessageContaining(message);
        assertNoJourneyFor("LEW-REFUSED");
    }

    @Test
    void aSecondJourneyForARunningCaseReferenceIsRefused() {
        JourneyScenario.start(engine, lewishamCase("LEW-TWICE"));

        assertThatThrownBy(() -> JourneyScenario.start(engine, lewishamCase("LEW-TWICE")))
                .hasMessageContaining("caseReference 'LEW-TWICE' already has a running journey");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LEW-TWICE").count())
                .isEqualTo(1);
    }

    @Test
    void theCaseReferenceBecomesTheBusinessKeyAndTheTeamsAreDerived() {
        var journey = JourneyScenario.start(engine, lewishamCase("LEW-KEYS"));

        assertThat(journey.getBusinessKey()).isEqualTo("LEW-KEYS");
        assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("consortium", "south-london").containsEntry("yotTeam", "yot-lewisham")
                .containsEntry("custodyTeam", "custody-feltham").containsEntry("pmTeam", "pm-south-london")
                .containsEntry("licenceEndDate", "2027-08-18");
    }

    @Test
    void datesTypedDayFirstAsInTasklistAreKeptAsThoseDaysInIsoForm() {
        var entry = lewishamCase("LEW-UK-DATES");
        entry.put("dateOfBirth", "05/03/2010");
        entry.put("sentenceDate", "18/12/2026");
        entry.put("releaseDate", "1/4/2027");

        var journey = JourneyScenario.start(engine, entry);

        assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("dateOfBirth", "2010-03-05").containsEntry("sentenceDate", "2026-12-18")
                .containsEntry("releaseDate", "2027-04-01");
    }

    @Test
    void theRestEndpointStartsAJourneyAndAnswers201() {
        var response = post("/api/journeys", lewishamCase("LEW-REST-OK"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/journeys/LEW-REST-OK");
        assertThat(response.getBody()).containsEntry("caseReference", "LEW-REST-OK");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LEW-REST-OK")
                .count()).isEqualTo(1);
    }

    @Test
    void theRestEndpointAnswers400NamingEveryWrongField() {
        var entry = lewishamCase("LEW-REST-BAD");
        entry.put("homeYot", "atlantis");
        entry.remove("releaseDate");

        var response = post("/api/journeys", entry);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("homeYot", "releaseDate");
        assertNoJourneyFor("LEW-REST-BAD");
    }

    @Test
    void theRestEndpointRefusesFieldsOutsideTheContractSuchAsAName() {
        var entry = lewishamCase("LEW-REST-NAME");
        entry.put("childName", "someone");

        var response = post("/api/journeys", entry);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains("childName is not part of a custody entry");
        assertNoJourneyFor("LEW-REST-NAME");
    }

    @Test
    void theEngineRestApiRefusesAWrongEntryWithTheSameMessageAndCode() {
        var body = Map.of("variables", Map.of(
                "caseReference", Map.of("value", "LEW-ENGINE-REST", "type", "String"),
                "homeYot", Map.of("value", "atlantis", "type", "String")));

        var response = post("/engine-rest/process-definition/key/resettlement-journey/start", body);

        assertThat(response.getStatusCode()).as("a person's mistake, not a server fault").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains("'Home Youth Offending Team' (homeYot) 'atlantis' is not a YOT of any consortium");
        assertThat(response.getBody()).containsEntry("code", CustodyEntryRefused.CODE);
        assertNoJourneyFor("LEW-ENGINE-REST");
    }

    @Test
    void theEngineRestApiRefusesATaskCompletionMissingAnAnswerAndTheTaskStaysOpen() {
        var journey = JourneyScenario.start(engine, lewishamCase("LEW-REST-TASK"));
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();

        var response = post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString())
                .contains("'Consent to share information' (consentToShare) is required");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusalIsAPersonsMistakeAndIsNotLoggedAsAnError(CapturedOutput log) {
        var body = Map.of("variables", Map.of(
                "caseReference", Map.of("value", "LEW-LOG-LEVEL", "type", "String"),
                "releaseDate", Map.of("value", "31/02/2027", "type", "String")));

        var response = post("/engine-rest/process-definition/key/resettlement-journey/start", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(log.getAll()).as("nothing at ERROR for a refusal").doesNotContain(" ERROR ")
                .doesNotContain("31/02/2027");
        // the operator's one line (refusal/RefusalLog): case and fields, at WARN
        assertThat(log.getAll().lines().filter(l -> l.contains("LEW-LOG-LEVEL")))
                .singleElement().asString().contains(" WARN ").contains("Refused: Custody entry for case LEW-LOG-LEVEL");
    }

    void assertNoJourneyFor(String reference) {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .count()).as("nothing in history either").isZero();
    }

    org.springframework.http.ResponseEntity<Map<String, Object>> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        return http.withBasicAuth("yot.lewisham", TestPeople.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() {
                });
    }
}
