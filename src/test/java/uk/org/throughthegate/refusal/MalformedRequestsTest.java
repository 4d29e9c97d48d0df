package uk.org.throughthegate.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.at;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyScenario;

/**
 * Over a hundred malformed requests, as a careless or hostile client would send them, to our REST
 * endpoints and the engine's: each is answered 4xx (never 5xx) with a message that names what is
 * wrong, changes nothing in the database, and leaves no personal data and no ERROR in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    /** A date of birth and a name no valid request carries: if either reaches the log, personal data leaked. */
    static final String BIRTH_DATE_MARKER = "2011-07-19";
    static final String NAME_MARKER = "Jordan Examplechild";
    static final String EXISTING = "LEW-MALFORMED-OK";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    final ObjectMapper json = new ObjectMapper();
    String taskOfLewisham;

    record Bad(String name, HttpMethod method, String path, String user, Object body, String mustName) {
    }

    @BeforeAll
    void aRunningJourney() {
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
        var journey = JourneyScenario.start(engine, lewishamCase(EXISTING));
        taskOfLewisham = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    List<Bad> requests() {
        List<Bad> bad = new ArrayList<>();
        String entry = "/api/journeys";
        // Each required field missing, blank, or of the wrong JSON type.
        for (String field : List.of("caseReference", "dateOfBirth", "sentenceType", "sentenceLengthMonths",
                "sentenceDate", "releaseDate", "homeYot", "establishment")) {
            for (Object value : new Object[] {null, "", "   ", List.of("x"), Map.of("value", "x"), true}) {
                var body = entryWith(field, value);
                bad.add(new Bad("entry " + field + " = " + value, HttpMethod.POST, entry, "yot.lewisham", body, field));
            }
        }
        // Impossible and out-of-range values.
        for (String date : List.of("2027-02-30", "31/04/2027", "2027-13-01", "00/00/0000", "tomorrow", "2027/03/01",
                "03-01-2027", "1e9", "２０２７-０３-０１", "2027-03-01T00:00:00Z", "-2027-03-01", "99999-01-01")) {
            bad.add(new Bad("entry releaseDate " + date, HttpMethod.POST, entry, "yot.lewisham",
                    entryWith("releaseDate", date), "releaseDate"));
            bad.add(new Bad("entry dateOfBirth " + date, HttpMethod.POST, entry, "yot.lewisham",
                    entryWith("dateOfBirth", date), "dateOfBirth"));
        }
        for (Object months : new Object[] {0, -1, 7, 25, 1_000_000_000, 4.5, "eight", Long.MAX_VALUE, "1e3"}) {
            bad.add(new Bad("entry sentenceLengthMonths " + months, HttpMethod.POST, entry, "yot.lewisham",
                    entryWith("sentenceLengthMonths", months), "sentenceLengthMonths"));
        }
        for (String reference : List.of("<script>alert(1)</script>", "LEW'; DROP TABLE ACT_RU_TASK;--", "x".repeat(10_000),
                "Ünïcödé-名前", "AB", "LEW 1", "../../etc/passwd", "LEW-\u0000-NUL")) {
            bad.add(new Bad("entry caseReference " + reference.substring(0, Math.min(20, reference.length())),
                    HttpMethod.POST, entry, "yot.lewisham", entryWith("caseReference", reference), "caseReference"));
        }
        for (String[] unknown : new String[][] {{"homeYot", "atlantis"}, {"establishment", "alcatraz"},
                {"sentenceType", "life"}, {"homeYot", "<b>lewisham</b>"}, {"establishment", "FELTHAM-" + "y".repeat(5000)}}) {
            bad.add(new Bad("entry " + unknown[0] + " unknown", HttpMethod.POST, entry, "yot.lewisham",
                    entryWith(unknown[0], unknown[1]), unknown[0]));
        }
        // Extra fields: a name, a date of birth under another name, a script.
        for (String extra : List.of("childName", "name", "dob", "notes", "__proto__")) {
            Map<String, Object> body = entryWith("caseReference", "LEW-MAL-EXTRA");
            body.put(extra, extra.equals("dob") ? BIRTH_DATE_MARKER : NAME_MARKER);
            bad.add(new Bad("entry extra field " + extra, HttpMethod.POST, entry, "yot.lewisham", body, extra));
        }
        bad.add(new Bad("entry existing case", HttpMethod.POST, entry, "yot.lewisham", entryWith("caseReference", EXISTING),
                "caseReference"));
        bad.add(new Bad("entry by another team", HttpMethod.POST, entry, "yot.leeds", entryWith("caseReference", "LEW-MAL-LEEDS"),
                "caseReference"));
        // Not JSON at all, or JSON of the wrong shape.
        for (String raw : List.of("{", "not json", "[]", "\"a string\"", "42", "{\"caseReference\": }", "null")) {
            bad.add(new Bad("entry raw body " + raw, HttpMethod.POST, entry, "yot.lewisham", new RawJson(raw), null));
        }

        // A release-date change: unknown case, impossible dates, wrong types.
        String change = "/api/journeys/" + EXISTING + "/release-date";
        for (Object date : new Object[] {null, "", "2027-02-30", "30/02/2027", "2020-01-01", "2030-01-01", 20270301,
                List.of("2027-03-01"), "<img src=x onerror=alert(1)>"}) {
            Map<String, Object> body = new HashMap<>();
            body.put("releaseDate", date);
            body.put("reason", "early-release");
            bad.add(new Bad("change releaseDate " + date, HttpMethod.PUT, change, "yot.lewisham", body, "releaseDate"));
        }
        bad.add(new Bad("change unknown case", HttpMethod.PUT, "/api/journeys/NO-SUCH-CASE/release-date", "yot.lewisham",
                Map.of("releaseDate", "2027-03-01"), "caseReference"));
        bad.add(new Bad("change by another team", HttpMethod.PUT, change, "yot.leeds",
                Map.of("releaseDate", "2027-03-01"), "caseReference"));

        // Mail preference.
        for (Object delivery : new Object[] {null, "", "hourly", 1, List.of("digest"), "<script>", "x".repeat(5000)}) {
            Map<String, Object> body = new HashMap<>();
            body.put("delivery", delivery);
            bad.add(new Bad("mail delivery " + delivery, HttpMethod.PUT, "/api/me/mail-delivery", "yot.lewisham", body,
                    "delivery"));
        }

        // The engine's REST API: starts and completions with wrong input, someone else's task, unknown ids.
        String start = "/engine-rest/process-definition/key/resettlement-journey/start";
        for (String[] wrong : new String[][] {{"releaseDate", "31/02/2027"}, {"homeYot", "atlantis"},
                {"sentenceLengthMonths", "seven"}, {"caseReference", "<script>x</script>"}, {"dateOfBirth", "1900-01-01"}}) {
            bad.add(new Bad("engine start " + wrong[0], HttpMethod.POST, start, "yot.lewisham",
                    engineVariables(entryWith(wrong[0], wrong[1])), wrong[0]));
        }
        String complete = "/engine-rest/task/" + taskOfLewisham + "/complete";
        for (Object consent : new Object[] {null, "", "maybe", "<b>given</b>", 1}) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("consentToShare", consent);
            bad.add(new Bad("engine complete consent " + consent, HttpMethod.POST, complete, "yot.lewisham",
                    engineVariables(vars), "consentToShare"));
        }
        bad.add(new Bad("engine complete someone else's task", HttpMethod.POST, complete, "yot.leeds",
                engineVariables(Map.of("consentToShare", "given")), null));
        bad.add(new Bad("engine complete unknown task", HttpMethod.POST, "/engine-rest/task/no-such-task/complete",
                "yot.lewisham", engineVariables(Map.of()), null));
        bad.add(new Bad("engine move someone's due date", HttpMethod.PUT, "/engine-rest/task/" + taskOfLewisham,
                "yot.lewisham", Map.of("due", "2099-01-01T00:00:00.000+0000", "name", "x"), null));
        bad.add(new Bad("engine start unknown process", HttpMethod.POST, "/engine-rest/process-definition/key/no-such/start",
                "yot.lewisham", engineVariables(Map.of()), null));
        bad.add(new Bad("engine start raw body", HttpMethod.POST, start, "yot.lewisham", new RawJson("{\"variables\": ["), null));
        return bad;
    }

    @TestFactory
    Stream<DynamicTest> eachMalformedRequestIsRefusedWithItsFieldNamedAndChangesNothing(CapturedOutput log) {
        List<Bad> bad = requests();
        assertThat(bad).hasSizeGreaterThanOrEqualTo(100);
        return bad.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            Map<String, Long> before = rows();
            var response = send(b);
            String body = String.valueOf(response.getBody());
            assertThat(response.getStatusCode().is4xxClientError()).as("%s answered %s: %s", b.name(),
                    response.getStatusCode(), body).isTrue();
            assertThat(body).as("a message to read").isNotBlank();
            if (b.mustName() != null) {
                assertThat(body).containsIgnoringCase("message");
                assertThat(body).as("names the field").containsIgnoringCase(b.mustName());
            }
            assertThat(body).as("no internal ids in the answer").doesNotContain("resettlement-journey:");
            assertThat(rows()).as("nothing changed").isEqualTo(before);
            assertThat(log.getAll()).as("no personal data in the log").doesNotContain(BIRTH_DATE_MARKER)
                    .doesNotContain(NAME_MARKER);
            assertThat(log.getAll()).as("a refusal is not a fault").doesNotContain(" ERROR ");
        }));
    }

    private org.springframework.http.ResponseEntity<String> send(Bad b) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String text = b.body() instanceof RawJson raw ? raw.text() : json.writeValueAsString(b.body());
        return http.withBasicAuth(b.user(), TestPeople.PASSWORD).exchange(b.path(), b.method(), new HttpEntity<>(text, headers),
                String.class);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("journeys", engine.getRuntimeService().createProcessInstanceQuery().count());
        rows.put("history", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
        rows.put("tasks", engine.getTaskService().createTaskQuery().count());
        rows.put("variables", engine.getRuntimeService().createVariableInstanceQuery().count());
        rows.put("grants", engine.getAuthorizationService().createAuthorizationQuery().count());
        var task = engine.getTaskService().createTaskQuery().taskId(taskOfLewisham).singleResult();
        rows.put("task due and name", (long) (task.getDueDate() + task.getName()).hashCode());
        rows.put("mail preference", (long) String.valueOf(engine.getIdentityService().getUserInfo("yot.lewisham",
                "ttg.mailDelivery")).hashCode());
        return rows;
    }

    private static Map<String, Object> entryWith(String field, Object value) {
        Map<String, Object> entry = lewishamCase("LEW-MAL-" + Math.abs((field + value).hashCode() % 100000));
        entry.put("dateOfBirth", BIRTH_DATE_MARKER);
        entry.put(field, value);
        return entry;
    }

    private static Map<String, Object> engineVariables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> {
            Map<String, Object> typed = new HashMap<>();
            typed.put("value", v);
            variables.put(k, typed);
        });
        return Map.of("variables", variables);
    }

    record RawJson(String text) {
    }
}
