package uk.org.throughthegate.refusal;

import static uk.org.throughthegate.access.JsonRequest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.at;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.throughthegate.access.TestPeople;

/** The json-logs profile: every line a JSON object a log collector can read, a refusal's facts as fields. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "json-logs"})
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRefusalIsOneJsonLineWithTheCaseAndFieldsAsFields(CapturedOutput log) throws Exception {
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        var entry = lewishamCase("LOG-JSON-1");
        entry.put("dateOfBirth", RefusalLogTest.BIRTH_DATE);
        entry.put("homeYot", "atlantis");
        int before = log.getAll().length();

        var response = http.withBasicAuth("yot.lewisham", TestPeople.PASSWORD).exchange("/api/journeys", HttpMethod.POST,
                json(entry), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : log.getAll().substring(before).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line)); // every line is JSON, or this throws
            }
        }
        List<JsonNode> refusals = lines.stream().filter(l -> l.path("message").asText().startsWith("Refused: ")).toList();
        assertThat(refusals).hasSize(1);
        JsonNode refusal = refusals.get(0);
        assertThat(refusal.path("log").path("level").asText()).isEqualTo("WARN");
        assertThat(refusal.path("caseReference").asText()).isEqualTo("LOG-JSON-1");
        assertThat(refusal.path("refusedFields").asText()).isEqualTo("homeYot");
        assertThat(refusal.path("refusalCode").asInt()).isEqualTo(22001);
        assertThat(refusal.path("service").path("name").asText()).isEqualTo("through-the-gate");
        assertThat(refusal.has("error")).isFalse();
        assertThat(log.getAll().substring(before)).doesNotContain(RefusalLogTest.BIRTH_DATE).doesNotContain("atlantis");
    }
}
