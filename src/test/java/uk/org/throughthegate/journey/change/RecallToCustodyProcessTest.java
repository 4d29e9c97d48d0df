package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyScenarioNeeds;
import uk.org.throughthegate.journey.WholeJourney;

/**
 * The Lewisham child released on 1 April 2027 breaches the licence and, on 10 May 2027, a court
 * sends them back to custody until 21 June 2027 with the licence extended to 30 September 2027.
 */
@SpringBootTest
@ActiveProfiles("test")
public class RecallToCustodyProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        init(engine);
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aCaseSentBackToCustodyRunsCustodyReleaseLicenceAndExitAgain() {
        recallMidLicenceAndRunLicenceAgain(engine, "LEW-RECALL");
    }

    /** Also run on PostgreSQL (PostgresJourneyTest). */
    public static void recallMidLicenceAndRunLicenceAgain(ProcessEngine engine, String reference) {
        init(engine);
        ProcessInstance journey = start(engine, lewishamCase(reference));
        WholeJourney.walkToLicence(engine, journey);
        for (int i = 0; i < 2; i++) {
            fire(engine, journey, "Timer_AppointmentDay");
            complete(engine, journey, "Task_RecordSupervisionAppointment", "appointmentOutcome", "missed");
            complete(engine, journey, "Task_ReviewNonCompliance");
        }
        ClockUtil.setCurrentTime(at("2027-05-10T11:00"));

        returnToCustody(engine, reference, "breach", "2027-06-21", "2027-09-30");

        Assertions.assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("inCustody", true).containsEntry("releaseDate", "2027-06-21")
                .containsEntry("licenceEndDate", "2027-09-30").containsEntry("returnsToCustody", 1)
                .containsEntry("handoverDue", "2027-06-07").containsEntry("accommodationDue", "2027-05-10");
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                .activityId("Timer_AppointmentDay").count()).as("supervision stopped").isZero();
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                .activityId("Timer_FeedbackDay").count()).as("feedback after release stopped").isZero();
        assertThat(journey).hasPassed("Event_ReturnedToCustody", "Task_SetReturnDates")
                .isWaitingAt("Task_AssessNeeds", "Timer_HandoverOpens");
        assertThat(task(engine, journey, "Task_AssessNeeds")).hasCandidateGroup("yot-lewisham");
        Assertions.assertThat(timer(engine, journey, "Timer_ReleaseDateReached").getDuedate())
                .isEqualTo(startOfDay("2027-06-21"));

        complete(engine, journey, "Task_AssessNeeds", JourneyScenarioNeeds.allPathways("support-not-required"));
        complete(engine, journey, "Task_AgreeResettlementPlan", "planAgreedOn", "2027-05-20");
        fire(engine, journey, "Timer_HandoverOpens");
        complete(engine, journey, "Task_PrepareHandoverPack", "handoverSentOn", "2027-06-04");
        complete(engine, journey, "Task_ConfirmHandoverReceived", "handoverReceived", true);
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
        WholeJourney.walkThroughLicence(engine, journey, 13);

        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(journey.getId()).activityId("Task_ReleaseDayContact").count())
                .as("released twice").isEqualTo(2);
        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(journey.getId()).activityId("Task_RecordSupervisionAppointment").finished().count())
                .as("two appointments on the first licence, 13 on the second").isEqualTo(15);
    }

    @Test
    void aReturnBeforeThePlanWasAgreedLeavesPlanningWhereItWasAndStartsNoSecondAssessment() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-RECALL-EARLY"));
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
        ClockUtil.setCurrentTime(at("2027-04-20T11:00"));

        returnToCustody(engine, "LEW-RECALL-EARLY", "recall", "2027-06-21", null);

        assertThat(journey).hasPassed("End_PlanningStillOpen").isWaitingAt("Task_RecordConsent", "Timer_HandoverOpens")
                .isNotWaitingAt("Task_AssessNeeds", "Task_ReleaseDayContact");
        Assertions.assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("inCustody", true).containsEntry("releaseDate", "2027-06-21")
                .containsEntry("licenceEndDate", "2027-08-18").containsEntry("lastReturnToCustodyReason", "recall")
                .doesNotContainKeys("releaseDateOnReturn", "licenceEndDateOnReturn");
    }

    @Test
    void aChildInCustodyOrWithADateInThePastOrOnAnotherTeamsCaseIsRefusedAndNothingChanges() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
        ProcessInstance journey = start(engine, lewishamCase("LEW-NOT-OUT"));

        assertThatThrownBy(() -> returnToCustody(engine, "LEW-NOT-OUT", "recall", "2027-05-01", null))
                .hasMessageContaining("is in custody: change the release date instead");
        assertThatThrownBy(() -> returnToCustody(engine, "LEW-NOBODY", "recall", "2027-05-01", null))
                .hasMessageContaining("has no running journey");
        assertThatThrownBy(() -> returnToCustody(engine, "LEW-NOT-OUT", "holiday", "2026-12-01", null))
                .hasMessageContaining("recallReason").hasMessageContaining("2026-12-01 is not after today");

        ProcessInstance released = start(engine, lewishamCase("LEW-OUT"));
        WholeJourney.walkToLicence(engine, released);
        ClockUtil.setCurrentTime(at("2027-05-10T11:00"));
        assertThatThrownBy(() -> returnToCustody(engine, "LEW-OUT", "recall", "2027-09-01", null))
                .hasMessageContaining("is not before the licence end date 2027-08-18");
        engine.getIdentityService().setAuthenticatedUserId("yot.leeds");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("recall-to-custody",
                recall("LEW-OUT", "recall", "2027-06-21", null))).hasMessageContaining("not on a team of this case");
        engine.getIdentityService().clearAuthentication();

        Assertions.assertThat(engine.getRuntimeService().getVariable(released.getId(), "inCustody")).isEqualTo(false);
        for (String reference : List.of("LEW-NOT-OUT", "LEW-NOBODY", "LEW-OUT")) {
            Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey("recall-to-custody").variableValueEquals("caseReference", reference).count())
                    .as("nothing kept of the refused returns of " + reference).isZero();
        }
        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(released.getId()).activityId("Event_ReturnedToCustody").count())
                .as("the journey was not told").isZero();
        assertThat(journey).isWaitingAt("Task_RecordConsent");
    }

    static void returnToCustody(ProcessEngine engine, String reference, String reason, String release, String licenceEnd) {
        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        try {
            engine.getRuntimeService().startProcessInstanceByKey("recall-to-custody", recall(reference, reason, release,
                    licenceEnd));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    static Map<String, Object> recall(String reference, String reason, String release, String licenceEnd) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("recallReason", reason);
        v.put("newReleaseDate", release);
        v.put("newLicenceEndDate", licenceEnd);
        return v;
    }
}
