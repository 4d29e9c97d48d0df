package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.access.TestPeople.mailable;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * With no SMTP server configured, as in the demo, mails are kept rather than dropped, and the
 * administrator reads them at /mails; nobody else can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeptMailsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void withoutAMailServerTheMailIsKeptForTheAdministratorToRead() {
        mailable(engine, "yot.anna", "yot-lewisham");
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        start(engine, lewishamCase("LEW-KEPT"));

        assertThat(Mailbox.deliverQueued(engine)).as("the mail left the outbox").isEqualTo(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

        var page = http.withBasicAuth("admin", "test-only").getForEntity("/mails", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("yot.anna@test.invalid",
                "New task: Record consent to share information (case LEW-KEPT)", "Case: LEW-KEPT");

        assertThat(http.withBasicAuth("yot.anna", TestPeople.PASSWORD).getForEntity("/mails", String.class)
                .getStatusCode()).as("a practitioner").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/mails", String.class).getStatusCode()).as("nobody logged in")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
