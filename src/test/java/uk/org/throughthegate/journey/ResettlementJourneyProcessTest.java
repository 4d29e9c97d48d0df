package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.Assertions;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.taskform.TaskInputRefused;

@SpringBootTest
@ActiveProfiles("test")
class ResettlementJourneyProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void aJourneyRunsFromCustodyEntryToAClosedTaperedExit() {
        WholeJourney.walk(engine, "LEW-HAPPY-1");
    }

    @ParameterizedTest(name = "{0} needs support: {1} then {2}")
    @CsvSource({
            "accommodation, Task_AssessHomelessness:housing-lewisham Task_ProposeAccommodation:provider-accommodation, Task_ConfirmAccommodation:yot-lewisham",
            "ete, Task_ArrangeEtePlace:provider-ete, Task_ConfirmEtePlace:yot-lewisham",
            "health, Task_ArrangeHealthSupport:provider-health, ",
            "substanceMisuse, Task_ArrangeSubstanceMisuseSupport:provider-substance-misuse, ",
            "families, Task_ArrangeFamilySupport:provider-families, ",
            "finance, Task_ArrangeFinanceAndId:custody-feltham, ",
            "caseManagement, Task_PlanCaseManagement:yot-lewisham, "})
    void aPathwayThatNeedsSupportGetsItsOwnTasksForItsOwnTeams(String pathway, String first, String second) {
        ProcessInstance journey = planned("LEW-PATH-" + pathway.toUpperCase(), pathway);
        assertThat(journey).variables().containsEntry(pathway + "Pathway", "in-progress");
        List<String> steps = new java.util.ArrayList<>(List.of(first.split(" ")));
        if (second != null) {
            steps.add(second);
        }
        for (String step : steps) {
            String[] taskAndGroup = step.split(":");
            assertThat(journey).isWaitingAt(taskAndGroup[0]);
            assertThat(task(engine, journey, taskAndGroup[0])).hasCandidateGroup(taskAndGroup[1]);
            Assertions.assertThat(candidateGroups(task(engine, journey, taskAndGroup[0]).getId()))
                    .as("only this case's team").containsExactly(taskAndGroup[1]);
            complete(engine, journey, taskAndGroup[0]);
        }
        assertThat(journey).isWaitingAt("Task_AgreeResettlementPlan");
        assertThat(journey).variables().containsEntry(pathway + "Pathway", "done")
                .containsEntry("healthPathway", pathway.equals("health") ? "done" : "support-not-required");
    }

    @Test
    void whenNoPathwayNeedsSupportThePlanIsAgreedStraightAway() {
        ProcessInstance journey = planned("LEW-NO-NEEDS", null);
        assertThat(journey).isWaitingAt("Task_AgreeResettlementPlan");
        assertThat(journey).variables().containsEntry("accommodationPathway", "support-not-required");
    }

    @Test
    void aJourneyEnteredBeforeNamesWereKeptGetsThemWhenItsNextTaskOpens() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-NAMELESS"));
        engine.getRuntimeService().removeVariables(journey.getId(),
                List.of("homeYotName", "establishmentName", "consortiumName"));

        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");

        assertThat(journey).variables().containsEntry("homeYotName", "Lewisham")
                .containsEntry("establishmentName", "Feltham YOI").containsEntry("consortiumName", "South London");
    }

    @Test
    void theInitialPlanningMeetingIsDueTenWorkingDaysAfterSentenceSkippingChristmasAndNewYear() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-IPM-DUE"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");

        assertThat(journey).variables().containsEntry("ipmDue", "2027-01-06");
        Assertions.assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting").getDueDate())
                .isEqualTo(endOfDay("2027-01-06"));
    }

    @ParameterizedTest(name = "{0} ({1}): accommodation confirmed by {2}")
    @CsvSource({
            "lewisham, south-london, 2027-02-18",
            "leeds, south-west-yorkshire, 2027-03-01",
            "hackney, north-east-london, 2027-03-18",
            "derby, east-midlands, 2027-03-18"})
    void accommodationIsDueTheConsortiumsLeadTimeBeforeRelease(String yot, String consortium, String due) {
        var entry = lewishamCase("ACC-" + yot.toUpperCase());
        entry.put("homeYot", yot);
        ProcessInstance journey = planned(entry, "accommodation");

        assertThat(journey).variables().containsEntry("consortium", consortium).containsEntry("accommodationDue", due);
        complete(engine, journey, "Task_AssessHomelessness");
        Assertions.assertThat(task(engine, journey, "Task_ProposeAccommodation").getDueDate()).isEqualTo(endOfDay(due));
        assertThat(task(engine, journey, "Task_ProposeAccommodation")).hasCandidateGroup("provider-accommodation");
        complete(engine, journey, "Task_ProposeAccommodation");
        assertThat(task(engine, journey, "Task_ConfirmAccommodation")).hasCandidateGroup("yot-" + yot);
    }

    @Test
    void theHandoverPackIsDueTenWorkingDaysBeforeReleaseSkippingEaster() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-HANDOVER"));

        assertThat(journey).variables().containsEntry("handoverDue", "2027-03-16");
        Assertions.assertThat(timer(engine, journey, "Timer_HandoverOpens").getDuedate())
                .as("the handover task opens ten working days before it is due").isEqualTo(startOfDay("2027-03-02"));
        fire(engine, journey, "Timer_HandoverOpens");
        assertThat(task(engine, journey, "Task_PrepareHandoverPack")).hasCandidateGroup("custody-feltham")
                .hasDueDate(endOfDay("2027-03-16"));
        complete(engine, journey, "Task_PrepareHandoverPack");
        assertThat(task(engine, journey, "Task_ConfirmHandoverReceived")).hasCandidateGroup("yot-lewisham")
                .hasDueDate(endOfDay("2027-03-16"));
    }

    @Test
    void theReviewBeforeReleaseIsTheLastReviewInCustody() {
        var entry = lewishamCase("LEW-REVIEWS");
        entry.put("sentenceLengthMonths", 24);
        entry.put("releaseDate", "2027-12-17");
        ProcessInstance journey = start(engine, entry);

        for (String due : List.of("2027-03-18", "2027-06-18", "2027-09-18")) {
            assertThat(journey).variables().containsEntry("nextReviewDue", due).containsEntry("reviewBeforeRelease", false);
            fire(engine, journey, "Timer_ReviewMeetingOpens");
            assertThat(task(engine, journey, "Task_HoldReviewMeeting")).hasDueDate(endOfDay(due));
            complete(engine, journey, "Task_HoldReviewMeeting");
        }
        assertThat(journey).variables().containsEntry("nextReviewDue", "2027-12-03").containsEntry("reviewBeforeRelease", true);
        fire(engine, journey, "Timer_ReviewMeetingOpens");
        complete(engine, journey, "Task_HoldReviewMeeting");
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                .activityId("Timer_ReviewMeetingOpens").count()).as("no review after the one before release").isZero();
    }

    @Test
    void releaseComesOnTheReleaseDateEvenWhenCustodyWorkIsUnfinished() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-RELEASE"));
        Assertions.assertThat(timer(engine, journey, "Timer_ReleaseDateReached").getDuedate()).isEqualTo(startOfDay("2027-04-01"));

        fire(engine, journey, "Timer_ReleaseDateReached");

        assertThat(task(engine, journey, "Task_ReleaseDayContact")).hasCandidateGroup("yot-lewisham")
                .hasDueDate(endOfDay("2027-04-01"));
        assertThat(journey).isNotWaitingAt("Timer_HandoverOpens", "Timer_ReviewMeetingOpens");
        assertThat(journey).isWaitingAt("Task_RecordConsent");
    }

    @Test
    void aMissedDeadlineClimbsTheLadderAloneOneTaskPerRungAndTheLateTaskStaysOpen() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-LATE-IPM"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");

        lateToProjectManagers(engine, journey, "Task_HoldInitialPlanningMeeting");

        assertThat(journey).isWaitingAt("Task_HoldInitialPlanningMeeting");
        var tasks = engine.getTaskService();
        for (String rung : List.of("yot-managers-lewisham", "pm-south-london")) {
            Assertions.assertThat(tasks.createTaskQuery().processInstanceBusinessKey("LEW-LATE-IPM")
                    .taskCandidateGroup(rung).list()).as("tasks of the case for " + rung)
                    .extracting(org.camunda.bpm.engine.task.Task::getName)
                    .containsExactly("Resolve overdue: Hold the initial planning meeting");
        }
        Assertions.assertThat(tasks.createTaskQuery().processInstanceId(journey.getId()).list())
                .as("the journey itself raises nothing for lateness")
                .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
                .containsExactly("Task_HoldInitialPlanningMeeting");
    }

    @Test
    void aMissedAppointmentOpensANonComplianceReviewAndAnAttendedOneDoesNot() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-MISSED"));
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");

        Assertions.assertThat(timer(engine, journey, "Timer_AppointmentDay").getDuedate()).isEqualTo(startOfDay("2027-04-08"));
        fire(engine, journey, "Timer_AppointmentDay");
        complete(engine, journey, "Task_RecordSupervisionAppointment", "appointmentOutcome", "attended");
        assertThat(journey).isNotWaitingAt("Task_ReviewNonCompliance");

        fire(engine, journey, "Timer_AppointmentDay");
        assertThat(task(engine, journey, "Task_RecordSupervisionAppointment")).hasDueDate(endOfDay("2027-04-15"));
        complete(engine, journey, "Task_RecordSupervisionAppointment", "appointmentOutcome", "missed");
        assertThat(task(engine, journey, "Task_ReviewNonCompliance")).hasCandidateGroup("yot-lewisham");
        complete(engine, journey, "Task_ReviewNonCompliance", "nonComplianceOutcome", "warning", "nonComplianceReason", "ill");
        Assertions.assertThat(timer(engine, journey, "Timer_AppointmentDay").getDuedate()).isEqualTo(startOfDay("2027-04-22"));
    }

    @Test
    void aCompletionWithoutARequiredAnswerIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-MISSING"));
        String consent = task(engine, journey, "Task_RecordConsent").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(consent, Map.of("consentToShare", "maybe")))
                .hasRootCauseInstanceOf(TaskInputRefused.class)
                .hasMessageContaining("Cannot complete 'Record consent to share information' for case LEW-MISSING")
                .hasMessageContaining("'Consent to share information' (consentToShare) cannot be 'maybe'; it is one of given, refused");
        assertThatThrownBy(() -> engine.getTaskService().complete(consent))
                .hasMessageContaining("'Consent to share information' (consentToShare) is required");

        assertThat(journey).isWaitingAt("Task_RecordConsent");
        Assertions.assertThat(engine.getRuntimeService().getVariable(journey.getId(), "consentToShare"))
                .as("nothing of the refused answer is kept").isNull();
    }

    @Test
    void anEarlierAppointmentsAnswerNeverStandsInForTheNextOne() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-STALE"));
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact");
        fire(engine, journey, "Timer_AppointmentDay");
        complete(engine, journey, "Task_RecordSupervisionAppointment", "appointmentOutcome", "attended");
        fire(engine, journey, "Timer_AppointmentDay");

        assertThatThrownBy(() -> engine.getTaskService().complete(task(engine, journey, "Task_RecordSupervisionAppointment").getId()))
                .hasMessageContaining("'Appointment' (appointmentOutcome) is required");
    }

    @Test
    void southAndWestYorkshireCannotConfirmTemporaryAccommodationSoTheProviderProposesAgain() {
        var entry = lewishamCase("LEE-TEMPORARY");
        entry.put("homeYot", "leeds");
        ProcessInstance journey = planned(entry, "accommodation");
        complete(engine, journey, "Task_AssessHomelessness", "homelessnessOutcome", "homeless");
        complete(engine, journey, "Task_ProposeAccommodation", "accommodationType", "temporary");

        assertThatThrownBy(() -> complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "confirmed"))
                .hasRootCauseInstanceOf(TaskInputRefused.class)
                .hasMessageContaining("does not allow release to temporary accommodation");

        complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "not-suitable");
        assertThat(task(engine, journey, "Task_ProposeAccommodation")).hasCandidateGroup("provider-accommodation");
        complete(engine, journey, "Task_ProposeAccommodation", "accommodationType", "supported-accommodation");
        complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "confirmed");
        assertThat(journey).variables().containsEntry("accommodationPathway", "done");
    }

    @Test
    void southLondonMayConfirmTemporaryAccommodation() {
        ProcessInstance journey = planned("LEW-TEMPORARY", "accommodation");
        complete(engine, journey, "Task_AssessHomelessness", "homelessnessOutcome", "homeless");
        complete(engine, journey, "Task_ProposeAccommodation", "accommodationType", "temporary");
        complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "confirmed");
        assertThat(journey).isWaitingAt("Task_AgreeResettlementPlan");
    }

    @Test
    void theYotKeepsInContactInCustodyEveryFortnightWithinTheEstablishmentsAccessWindows() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-CONTACT"));
        // sentenced Friday 18 December 2026: due 14 days later, 1 January, a bank holiday, so 31 December;
        // the task opens two working days before
        Assertions.assertThat(timer(engine, journey, "Timer_ContactInCustodyOpens").getDuedate()).isEqualTo(startOfDay("2026-12-29"));
        fire(engine, journey, "Timer_ContactInCustodyOpens");
        var contact = task(engine, journey, "Task_RecordContactInCustody");
        assertThat(contact).hasCandidateGroup("yot-lewisham").hasDueDate(endOfDay("2026-12-31"));

        assertThatThrownBy(() -> engine.getTaskService().complete(contact.getId(), Map.of("contactOn", "29/12/2026",
                "contactAt", "10:00", "contactKind", "visit", "contactBy", "YOT case worker")))
                .hasMessageContaining("10:00 is outside the access window at feltham on Tuesdays, 15:30-17:30");
        assertThatThrownBy(() -> engine.getTaskService().complete(contact.getId(), Map.of("contactOn", "27/12/2026",
                "contactAt", "16:00", "contactKind", "visit", "contactBy", "YOT case worker")))
                .hasMessageContaining("there is no access window at feltham on Sundays");
        assertThat(journey).isWaitingAt("Task_RecordContactInCustody");

        complete(engine, journey, "Task_RecordContactInCustody", "contactOn", "02/01/2027", "contactAt", "10:30",
                "contactKind", "provider-session", "contactBy", "Mentoring provider");
        assertThat(journey).variables().containsEntry("lastCustodyContact", "2027-01-02");
        Assertions.assertThat(timer(engine, journey, "Timer_ContactInCustodyOpens").getDuedate())
                .as("a Saturday-morning session at Feltham counts: next due 16 January, a Saturday, so Friday 15th")
                .isEqualTo(startOfDay("2027-01-13"));
    }

    @Test
    void aLookedAfterChildsCouncilWorksTheAccommodationAndReviewsAndALapsedRegistrationIsUrgent() {
        var entry = lewishamCase("LEW-LAC");
        entry.put("lookedAfter", "yes");
        ProcessInstance journey = start(engine, entry);
        assertThat(journey).as("recorded at custody entry").variables().containsEntry("lookedAfter", "yes");
        complete(engine, journey, "Task_RecordConsent", "lookedAfter", "yes");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");
        complete(engine, journey, "Task_AssessNeeds", JourneyScenarioNeeds.onlyAccommodation());
        complete(engine, journey, "Task_AssessHomelessness");

        Assertions.assertThat(candidateGroups(task(engine, journey, "Task_ProposeAccommodation").getId()))
                .containsExactlyInAnyOrder("provider-accommodation", "childrens-services-lewisham");
        complete(engine, journey, "Task_ProposeAccommodation");
        Assertions.assertThat(candidateGroups(task(engine, journey, "Task_ConfirmAccommodation").getId()))
                .containsExactlyInAnyOrder("yot-lewisham", "childrens-services-lewisham");
        fire(engine, journey, "Timer_ReviewMeetingOpens");
        String review = task(engine, journey, "Task_HoldReviewMeeting").getId();
        Assertions.assertThat(candidateGroups(review))
                .containsExactlyInAnyOrder("custody-feltham", "yot-lewisham", "childrens-services-lewisham");

        assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("reviewHeldOn", "16/03/2027")))
                .hasMessageContaining("still registered as looked after");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2027-03-16T10:00"));
        try {
            complete(engine, journey, "Task_HoldReviewMeeting", "reviewHeldOn", "16/03/2027", "lookedAfterRegistered", "no");
            var urgent = task(engine, journey, "Task_RestoreLookedAfterRegistration");
            assertThat(urgent).hasDueDate(endOfDay("2027-03-17"));
            Assertions.assertThat(urgent.getPriority()).isEqualTo(100);
            Assertions.assertThat(candidateGroups(urgent.getId()))
                    .containsExactlyInAnyOrder("childrens-services-lewisham", "yot-managers-lewisham");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        complete(engine, journey, "Task_RestoreLookedAfterRegistration", "lookedAfterRegistered", "yes",
                "lookedAfterRegistrationNotes", "Registration restored by the service manager");
        assertThat(journey).hasPassed("End_LookedAfterRegistrationRestored");
    }

    @Test
    void aChildNotLookedAfterHasNoChildrensServicesTasksAndItsReviewAsksNothingOfIt() {
        ProcessInstance journey = planned("LEW-NOT-LAC", "accommodation");
        complete(engine, journey, "Task_AssessHomelessness");
        Assertions.assertThat(candidateGroups(task(engine, journey, "Task_ProposeAccommodation").getId()))
                .containsExactly("provider-accommodation");
        fire(engine, journey, "Timer_ReviewMeetingOpens");
        complete(engine, journey, "Task_HoldReviewMeeting", "reviewHeldOn", "16/03/2027");
        assertThat(journey).hasNotPassed("Task_RestoreLookedAfterRegistration");
    }

    @Test
    void thePlanCannotBeAgreedWithoutTheYoungPersonsOwnGoalsAndWhoContributed() {
        ProcessInstance journey = planned("LEW-PLAN-VOICE", "none");
        String plan = task(engine, journey, "Task_AgreeResettlementPlan").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(plan, Map.of("planAgreedOn", "20/01/2027")))
                .hasMessageContaining("(youngPersonGoals) is required").hasMessageContaining("(youngPersonContributed) is required")
                .hasMessageContaining("(planContributors) is required");
        assertThatThrownBy(() -> engine.getTaskService().complete(plan, Map.of("planAgreedOn", "20/01/2027",
                "youngPersonGoals", "Back to college, boxing club", "youngPersonContributed", false,
                "planContributors", "Mother, custody key worker, YOT")))
                .as("a plan the young person had no part in").hasMessageContaining("(youngPersonContributed) is required");
        assertThat(journey).isWaitingAt("Task_AgreeResettlementPlan");

        complete(engine, journey, "Task_AgreeResettlementPlan", "planAgreedOn", "20/01/2027",
                "youngPersonGoals", "Back to college, boxing club", "youngPersonContributed", true,
                "planContributors", "Mother, custody key worker, YOT");
        assertThat(journey).variables().containsEntry("youngPersonGoals", "Back to college, boxing club")
                .containsEntry("planContributors", "Mother, custody key worker, YOT");
    }

    @Test
    void consentIsRecordedOnlyOnceItWasExplainedInWordsTheYoungPersonUnderstands() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-CONSENT-EXPLAINED"));
        String consent = task(engine, journey, "Task_RecordConsent").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(consent, Map.of("consentToShare", "given",
                "yotCaseWorker", "Sam", "yotCaseWorkerContact", "020 8314 0000", "yotResettlementContact", "Lead")))
                .hasMessageContaining("(consentExplained) is required");
        assertThat(journey).isWaitingAt("Task_RecordConsent");
    }

    @Test
    void homelessnessIsAssessedByTheHomeCouncilEarlyAndTheProposalStartsFromIt() throws java.io.IOException {
        var entry = lewishamCase("LEE-HOMELESS");
        entry.put("homeYot", "leeds");
        ProcessInstance journey = planned(entry, "accommodation");

        // sentenced Friday 18 December 2026: four weeks later, while the child is in custody
        assertThat(journey).isWaitingAt("Task_AssessHomelessness").hasNotPassed("Task_ProposeAccommodation");
        assertThat(task(engine, journey, "Task_AssessHomelessness")).hasCandidateGroup("housing-leeds")
                .hasDueDate(endOfDay("2027-01-15"));
        Assertions.assertThat(candidateGroups(task(engine, journey, "Task_AssessHomelessness").getId()))
                .as("the council of the child's home, no one else").containsExactly("housing-leeds");
        String assessment = task(engine, journey, "Task_AssessHomelessness").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(assessment, Map.of("homelessnessAssessedOn", "08/01/2027",
                "homelessnessOutcome", "sofa-surfing", "homelessnessDuty", "none")))
                .hasMessageContaining("(homelessnessOutcome) cannot be 'sofa-surfing'");
        assertThat(journey).isWaitingAt("Task_AssessHomelessness");

        complete(engine, journey, "Task_AssessHomelessness", "homelessnessAssessedOn", "08/01/2027",
                "homelessnessOutcome", "threatened-with-homelessness", "homelessnessDuty", "Prevention duty: family mediation");
        assertThat(task(engine, journey, "Task_ProposeAccommodation")).hasCandidateGroup("provider-accommodation");
        assertThat(journey).variables().containsEntry("homelessnessAssessedOn", "2027-01-08")
                .containsEntry("homelessnessOutcome", "threatened-with-homelessness");
        try (var form = engine.getFormService().getDeployedTaskForm(task(engine, journey, "Task_ProposeAccommodation").getId())) {
            Assertions.assertThat(uk.org.throughthegate.taskform.FormSchema.shownVariables(form))
                    .as("the provider's form shows the outcome (and so the provider may read it)")
                    .contains("homelessnessOutcome", "homelessnessDuty");
        }
    }

    @Test
    void custodyIsInvitedToTheFirstReviewAfterReleaseDueTenWorkingDaysAfterItAndRecordsItsPart() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-FOLLOW"));
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");

        // released Thursday 1 April 2027 (Easter was the week before): two weeks of working days
        assertThat(task(engine, journey, "Task_RecordFirstReviewAfterRelease")).hasCandidateGroup("custody-feltham")
                .hasDueDate(endOfDay("2027-04-15"));
        assertThat(journey).isWaitingAt("Task_RecordFirstReviewAfterRelease", "Timer_AppointmentDay");
        String review = task(engine, journey, "Task_RecordFirstReviewAfterRelease").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("firstReviewHeldOn", "15/04/2027",
                "custodyAtFirstReview", "remote")))
                .hasMessageContaining("(custodyContribution) is required");

        complete(engine, journey, "Task_RecordFirstReviewAfterRelease", "firstReviewHeldOn", "15/04/2027",
                "custodyAtFirstReview", "in-person", "custodyContribution", "Education record passed on");
        assertThat(journey).hasPassed("End_FirstReviewAfterReleaseRecorded").variables()
                .containsEntry("firstReviewHeldOn", "2027-04-15").containsEntry("custodyAtFirstReview", "in-person");
    }

    @Test
    void closingTheJourneyClosesCustodysRecordOfTheFirstReviewIfStillOpen() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-FOLLOW-OPEN"));
        fire(engine, journey, "Timer_ReleaseDateReached");
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
        WholeJourney.walkToClosing(engine, journey, 15, false);
        assertThat(journey).isWaitingAt("Task_CloseJourney", "Task_RecordFirstReviewAfterRelease");
        complete(engine, journey, "Task_CloseJourney", "journeyOutcome", "settled");

        assertThat(journey).isEnded().hasNotPassed("End_FirstReviewAfterReleaseRecorded");
        Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_RecordFirstReviewAfterRelease").singleResult().getEndTime())
                .as("closed with the journey, kept in its history").isNotNull();
    }

    @Test
    void anEtePlaceStartingTheWorkingDayAfterReleaseNeedsNoActivityInBetween() {
        ProcessInstance journey = planned("LEW-ETE-NEXT-DAY", "ete");
        // released Thursday 1 April 2027
        complete(engine, journey, "Task_ArrangeEtePlace", "eteProvider", "College", "eteStartDate", "02/04/2027");
        assertThat(journey).isWaitingAt("Task_ConfirmEtePlace").hasNotPassed("Task_ArrangeInterimActivity");
    }

    @Test
    void anEtePlaceStartingAfterTheHolidaysAsksTheProviderForAnActivityFromReleaseUntilItStarts() {
        ProcessInstance journey = planned("LEW-ETE-TERM", "ete");
        complete(engine, journey, "Task_ArrangeEtePlace", "eteProvider", "College", "eteStartDate", "19/04/2027");

        assertThat(journey).isWaitingAt("Task_ArrangeInterimActivity");
        assertThat(task(engine, journey, "Task_ArrangeInterimActivity")).hasCandidateGroup("provider-ete")
                .hasDueDate(endOfDay("2027-03-16"));
        String interim = task(engine, journey, "Task_ArrangeInterimActivity").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(interim, Map.of("interimActivity", "Roll-on course")))
                .hasMessageContaining("'Days and times, from release until the place starts' (interimSchedule) is required");
        assertThat(journey).isWaitingAt("Task_ArrangeInterimActivity");

        complete(engine, journey, "Task_ArrangeInterimActivity", "interimActivity", "Roll-on course, Lewisham college",
                "interimSchedule", "Mon-Fri 10:00-15:00 from 6 April");
        assertThat(task(engine, journey, "Task_ConfirmEtePlace")).hasCandidateGroup("yot-lewisham");
        complete(engine, journey, "Task_ConfirmEtePlace", "eteConfirmed", true);
        assertThat(journey).variables().containsEntry("etePathway", "done")
                .containsEntry("interimActivity", "Roll-on course, Lewisham college");
    }

    @Test
    void aMeetingDateTypedDayFirstIsKeptAsThatDayAndADateThatIsNoDateIsRefusedWithTheTaskLeftOpen() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-IPM-DATE"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");

        assertThatThrownBy(() -> complete(engine, journey, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "12/31/2026"))
                .hasMessageContaining("'Meeting held on (dd/mm/yyyy)' (ipmHeldOn) '12/31/2026' is not a real date");
        assertThat(journey).isWaitingAt("Task_HoldInitialPlanningMeeting");

        complete(engine, journey, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "05/01/2027");
        assertThat(journey).variables().containsEntry("ipmHeldOn", "2027-01-05");
    }

    ProcessInstance planned(String reference, String pathwayNeedingSupport) {
        return planned(lewishamCase(reference), pathwayNeedingSupport);
    }

    /** Consent, meeting and needs done; only the given pathway (or none) needs support. */
    ProcessInstance planned(Map<String, Object> entry, String pathwayNeedingSupport) {
        ProcessInstance journey = start(engine, entry);
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        complete(engine, journey, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "2027-01-05");
        Object[] needs = needs("support-not-required");
        for (int i = 0; i < needs.length; i += 2) {
            if (needs[i].equals(pathwayNeedingSupport + "Pathway")) {
                needs[i + 1] = "support-required";
            }
        }
        complete(engine, journey, "Task_AssessNeeds", needs);
        return journey;
    }

    List<String> candidateGroups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    @Test
    void aChildTurning18OnLicenceGetsTransitionPlanningAt17AndAHalfThenAProbationHandover() {
        turning18OnLicence(engine, "LEW-EIGHTEEN");
    }

    /** Also run on PostgreSQL (PostgresJourneyTest). */
    static void turning18OnLicence(ProcessEngine engine, String reference) {
        init(engine);
        var entry = lewishamCase(reference);
        entry.put("dateOfBirth", "2009-08-10");
        ProcessInstance journey = start(engine, entry);
        Assertions.assertThat(timer(engine, journey, "Timer_SeventeenAndAHalf").getDuedate())
                .as("the day the child turns 17 years 6 months").isEqualTo(startOfDay("2027-02-10"));

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2027-02-10T00:00"));
        try {
            fire(engine, journey, "Timer_SeventeenAndAHalf");
            assertThat(task(engine, journey, "Task_PlanTransitionToAdultServices")).hasCandidateGroup("yot-lewisham")
                    .hasDueDate(endOfDay("2027-03-10"));
            complete(engine, journey, "Task_PlanTransitionToAdultServices", "transitionPlan", "Probation from 18");

            assertThat(task(engine, journey, "Task_HandOverToProbation")).hasCandidateGroup("yot-lewisham")
                    .as("10 working days before the 18th birthday, 10 August 2027; licence ends 18 August")
                    .hasDueDate(endOfDay("2027-07-27"));
            complete(engine, journey, "Task_HandOverToProbation", "probationOfficeReference", "Lewisham PDU",
                    "probationHandoverDate", "2027-07-20");
            assertThat(journey).hasPassed("End_HandedOverToProbation").isWaitingAt("Task_RecordConsent");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void aChildWhoseLicenceEndsBefore18IsPlannedForButNotHandedToProbation() {
        var entry = lewishamCase("LEW-SEVENTEEN");
        entry.put("dateOfBirth", "2009-12-01");
        ProcessInstance journey = start(engine, entry);

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2027-06-01T00:00"));
        try {
            fire(engine, journey, "Timer_SeventeenAndAHalf");
            complete(engine, journey, "Task_PlanTransitionToAdultServices", "transitionPlan", "Adult services at 18");
            assertThat(journey).hasPassed("End_TransitionPlanned").hasNotPassed("Task_HandOverToProbation");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void aChildWhoTurns17AndAHalfAfterTheSentenceGetsNoTransitionTask() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-YOUNGER"));
        Assertions.assertThat(timer(engine, journey, "Timer_SeventeenAndAHalf").getDuedate()).isEqualTo(startOfDay("2027-11-05"));

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2027-11-05T00:00"));
        try {
            fire(engine, journey, "Timer_SeventeenAndAHalf");
            assertThat(journey).hasPassed("End_NoTransitionNeeded").hasNotPassed("Task_PlanTransitionToAdultServices");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    static Object[] needs(String status) {
        return JourneyScenarioNeeds.allPathways(status);
    }
}
