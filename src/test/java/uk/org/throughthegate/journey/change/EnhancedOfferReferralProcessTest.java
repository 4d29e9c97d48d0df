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

/**
 * More support must not mean more breach: a voluntary service's missed session is followed up by
 * the YOT and never opens a non-compliance review; only statutory supervision can.
 */
@SpringBootTest
@ActiveProfiles("test")
class EnhancedOfferReferralProcessTest {

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
    void aMissedVoluntarySessionIsFollowedUpAndNeverBreached() {
        ProcessInstance journey = onLicence("LEW-MENTORED", "lewisham", "given");

        ProcessInstance referral = refer("yot.lewisham", "LEW-MENTORED", "mentoring");
        BpmnAwareTests.assertThat(task(engine, referral, "Task_AgreeVoluntarySessions")).hasCandidateGroup("provider-mentoring");
        complete(engine, referral, "Task_AgreeVoluntarySessions", "sessionPlan", "Tuesdays 4pm, youth centre");
        complete(engine, referral, "Task_RecordVoluntarySession", "sessionOutcome", "missed", "moreSessions", "yes");

        BpmnAwareTests.assertThat(task(engine, referral, "Task_FollowUpMissedVoluntarySession")).hasCandidateGroup("yot-lewisham");
        complete(engine, referral, "Task_FollowUpMissedVoluntarySession", "missedSessionFollowUp", "Was unwell; coming next week");
        complete(engine, referral, "Task_RecordVoluntarySession", "sessionOutcome", "attended", "moreSessions", "no");

        BpmnAwareTests.assertThat(referral).isEnded().hasPassed("End_VoluntarySupportEnded");
        BpmnAwareTests.assertThat(journey).hasNotPassed("Task_ReviewNonCompliance").isWaitingAt("Timer_AppointmentDay");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey("LEW-MENTORED")
                .taskDefinitionKey("Task_ReviewNonCompliance").count()).as("no non-compliance review anywhere").isZero();
    }

    @Test
    void aReferralOutsideTheOfferWithoutConsentOrFromAnotherYotIsRefusedAndNothingStarts() {
        onLicence("LEE-OFFER", "leeds", "given");
        onLicence("LEW-OFFER-NO-CONSENT", "lewisham", "refused");

        assertThatThrownBy(() -> refer("yot.leeds", "LEE-OFFER", "sports-programme")).isInstanceOf(JourneyChangeRefused.class)
                .hasMessageContaining("'sports-programme' is not on the enhanced offer of south-west-yorkshire");
        assertThatThrownBy(() -> refer("yot.lewisham", "LEW-OFFER-NO-CONSENT", "mentoring"))
                .hasMessageContaining("consent to share was refused or withdrawn");
        assertThatThrownBy(() -> refer("yot.lewisham", "LEE-OFFER", "mentoring"))
                .hasMessageContaining("'yot.lewisham' is not on a team of this case");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("enhanced-offer-referral")
                .processInstanceBusinessKey("LEE-OFFER").count()).as("nothing started, nothing kept").isZero();
        assertThat(refer("yot.leeds", "LEE-OFFER", "restorative-justice")).as("a service offered everywhere").isNotNull();
    }

    @Test
    void theReferralFormOffersTheServicesOfTheTableAndNoOthers() throws Exception {
        var table = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(new java.io.File("bpmn/enhanced-offer.dmn"));
        java.util.Set<String> inTable = new java.util.TreeSet<>();
        for (var rule : table.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)) {
            inTable.add(rule.getInputEntries().stream().skip(1).findFirst().orElseThrow().getTextContent().replace("\"", ""));
        }
        try (var form = new java.io.FileInputStream("forms/enhanced-offer-referral.form")) {
            var service = uk.org.throughthegate.taskform.FormSchema.fields(form).stream()
                    .filter(f -> f.key().equals("service")).findFirst().orElseThrow();
            assertThat(new java.util.TreeSet<>(service.values())).isEqualTo(inTable);
        }
    }

    ProcessInstance onLicence(String reference, String yot, String consent) {
        var entry = lewishamCase(reference);
        entry.put("homeYot", yot);
        ProcessInstance journey = start(engine, entry);
        complete(engine, journey, "Task_RecordConsent", "consentToShare", consent);
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
        return journey;
    }

    ProcessInstance refer(String user, String reference, String service) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("enhanced-offer-referral",
                    Map.of("caseReference", reference, "service", service, "referralReason", "Someone to talk to"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
