package uk.org.throughthegate.journey;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** One young person's whole journey, walked as the teams would in Tasklist; run on H2 and PostgreSQL. */
public final class WholeJourney {

    private WholeJourney() {
    }

    static ProcessInstance walk(ProcessEngine engine, String reference) {
        return walkOn(engine, start(engine, lewishamCase(reference)));
    }

    /** From custody entry (the consent task) to a closed journey. */
    public static ProcessInstance walkOn(ProcessEngine engine, ProcessInstance journey) {
        walkToLicence(engine, journey);
        return walkThroughLicence(engine, journey, 15);
    }

    /** From custody entry (the consent task) to the first day on licence, the release-day contact made. */
    public static void walkToLicence(ProcessEngine engine, ProcessInstance journey) {
        init(engine);

        assertThat(journey).isWaitingAt("Task_RecordConsent");
        assertThat(task(engine, journey, "Task_RecordConsent")).hasCandidateGroup("yot-lewisham");
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting"))
                .hasCandidateGroup("custody-feltham").hasCandidateGroup("yot-lewisham");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "2027-01-05", "ipmAttendance", "YOT, custody");
        complete(engine, journey, "Task_AssessNeeds", needs("support-required"));
        if (openTask(engine, journey, "Task_AssessHomelessness")) { // not on journeys of a model from before it
            assertThat(task(engine, journey, "Task_AssessHomelessness")).hasCandidateGroup("housing-lewisham");
            complete(engine, journey, "Task_AssessHomelessness", "homelessnessOutcome", "not-homeless");
        }
        complete(engine, journey, "Task_ProposeAccommodation", "accommodationType", "family-home", "proposedAccommodation", "home");
        complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "confirmed");
        complete(engine, journey, "Task_ArrangeEtePlace", "eteProvider", "College", "eteStartDate", "2027-04-02");
        complete(engine, journey, "Task_ConfirmEtePlace", "eteConfirmed", true);
        complete(engine, journey, "Task_ArrangeHealthSupport", "gpRegistered", "yes", "healthSupport", "CAMHS");
        complete(engine, journey, "Task_ArrangeSubstanceMisuseSupport", "substanceMisuseSupport", "service");
        complete(engine, journey, "Task_ArrangeFamilySupport", "familySupport", "FFT");
        complete(engine, journey, "Task_ArrangeFinanceAndId", "idInPlace", true);
        complete(engine, journey, "Task_PlanCaseManagement", "caseManagementPlan", "plan");
        complete(engine, journey, "Task_AgreeResettlementPlan", "planAgreedOn", "2027-01-20");
        assertThat(journey).variables().containsEntry("accommodationPathway", "done").containsEntry("financePathway", "done");

        fire(engine, journey, "Timer_ReviewMeetingOpens");
        complete(engine, journey, "Task_HoldReviewMeeting", "reviewHeldOn", "2027-03-16");
        fire(engine, journey, "Timer_HandoverOpens");
        complete(engine, journey, "Task_PrepareHandoverPack", "handoverSentOn", "2027-03-10");
        complete(engine, journey, "Task_ConfirmHandoverReceived", "handoverReceived", true);
        assertThat(journey).isWaitingAt("Timer_ReleaseDate");
        fire(engine, journey, "Timer_ReleaseDate");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
    }

    /** Every supervision appointment (as many as expected), the feedback, the licence end and exit, closing. */
    public static ProcessInstance walkThroughLicence(ProcessEngine engine, ProcessInstance journey, int expectedAppointments) {
        walkToClosing(engine, journey, expectedAppointments, true);
        complete(engine, journey, "Task_CloseJourney", "journeyOutcome", "settled");

        assertThat(journey).isEnded().hasPassed("End_JourneyClosed");
        return journey;
    }

    /** From release to the YOT's "Close the journey", with or without custody's record of the first review. */
    static void walkToClosing(ProcessEngine engine, ProcessInstance journey, int expectedAppointments, boolean firstReviewRecorded) {
        int appointments = 0;
        while (engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                .activityId("Timer_AppointmentDay").count() > 0) {
            fire(engine, journey, "Timer_AppointmentDay");
            complete(engine, journey, "Task_RecordSupervisionAppointment", "appointmentOutcome", "attended");
            appointments++;
        }
        Assertions.assertThat(appointments).as("weekly for 12 weeks from release, then fortnightly to licence end")
                .isEqualTo(expectedAppointments);
        if (firstReviewRecorded && openTask(engine, journey, "Task_RecordFirstReviewAfterRelease")) {
            complete(engine, journey, "Task_RecordFirstReviewAfterRelease", "firstReviewHeldOn", "2027-04-15",
                    "custodyAtFirstReview", "remote", "custodyContribution", "Education record passed on; the college place holds");
        }
        for (int i = 0; i < 2; i++) {
            fire(engine, journey, "Timer_FeedbackDay");
            complete(engine, journey, "Task_RecordFeedback", "feedbackGiven", "given");
        }
        fire(engine, journey, "Timer_LicenceEnds");
        complete(engine, journey, "Task_AgreeExitPlan", "exitPlan", "taper");
        for (int i = 0; i < 3; i++) {
            fire(engine, journey, "Timer_CheckInDay");
            complete(engine, journey, "Task_TaperedCheckIn", "checkInOutcome", "in-touch");
        }
    }

    static Object[] needs(String status) {
        return JourneyScenarioNeeds.allPathways(status);
    }

    private static boolean openTask(ProcessEngine engine, ProcessInstance journey, String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey(taskDefinitionKey).count() > 0;
    }
}
