package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

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

/** Providers record their own sessions in custody, and the case's contact in custody counts them. */
@SpringBootTest
@ActiveProfiles("test")
class RecordCustodyContactProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        BpmnAwareTests.init(engine);
        TestPeople.person(engine, "provider.mentoring", "provider-mentoring");
        TestPeople.person(engine, "someone.else", "process-owners");
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aProvidersSessionMovesTheNextContactAndAnswersAnOpenContactTask() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-PROVIDER-CONTACT"));
        // due 31 December (1 January is a bank holiday), opening on 29 December
        assertThat(timer(engine, journey, "Timer_ContactInCustodyOpens").getDuedate()).isEqualTo(startOfDay("2026-12-29"));

        record("provider.mentoring", "LEW-PROVIDER-CONTACT", "23/12/2026", "16:00");
        BpmnAwareTests.assertThat(journey).variables().containsEntry("lastCustodyContact", "2026-12-23");
        assertThat(timer(engine, journey, "Timer_ContactInCustodyOpens").getDuedate())
                .as("next due 6 January, two working days' notice").isEqualTo(startOfDay("2027-01-04"));

        fire(engine, journey, "Timer_ContactInCustodyOpens");
        record("provider.mentoring", "LEW-PROVIDER-CONTACT", "05/01/2027", "15:45");
        BpmnAwareTests.assertThat(journey).as("the YOT's open contact task answered by the session")
                .hasPassed("Task_RecordContactInCustody").variables().containsEntry("lastCustodyContact", "2027-01-05");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName("contactBy").singleResult().getValue()).as("kept with the contact task in history")
                .isEqualTo("Mentoring provider");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_RecordContactInCustody").count()).isZero();
    }

    @Test
    void outsideTheWindowOrBySomeoneNeitherOnTheCaseNorAProviderIsRefusedAndNothingMoves() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-PROVIDER-LATE"));

        assertThatThrownBy(() -> record("provider.mentoring", "LEW-PROVIDER-LATE", "23/12/2026", "19:00"))
                .isInstanceOf(JourneyChangeRefused.class)
                .hasMessageContaining("19:00 is outside the access window at feltham on Wednesdays, 15:30-17:30");
        assertThatThrownBy(() -> record("someone.else", "LEW-PROVIDER-LATE", "23/12/2026", "16:00"))
                .hasMessageContaining("'someone.else' is neither on a team of this case nor a provider");
        assertThatThrownBy(() -> record("provider.mentoring", "LEW-NO-SUCH-CUSTODY", "23/12/2026", "16:00"))
                .hasMessageContaining("has no running journey");

        BpmnAwareTests.assertThat(journey).variables().doesNotContainKey("lastCustodyContact");
        assertThat(timer(engine, journey, "Timer_ContactInCustodyOpens").getDuedate()).isEqualTo(startOfDay("2026-12-29"));
    }

    ProcessInstance record(String user, String reference, String on, String at) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("record-custody-contact", Map.of("caseReference",
                    reference, "contactOn", on, "contactAt", at, "contactKind", "provider-session", "contactBy", "Mentoring provider"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
