package uk.org.throughthegate.rotl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * ROTL requests for the Lewisham child in Feltham (sentenced 18 December 2026, release 1 April
 * 2027, so eligible from halfway: 8 February 2027). Today is Monday 11 January 2027.
 */
@SpringBootTest
@ActiveProfiles("test")
class RotlRequestProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void today() {
        init(engine);
        ClockUtil.setCurrentTime(at("2027-01-11T10:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anApprovedRequestRunsFromRequestToOutcomeAndTheJourneyCountsIt() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-OK"));
        ProcessInstance rotl = request("LEW-ROTL-OK", "ete-taster", "2027-02-15");

        assertThat(rotl).variables().containsEntry("rotlEligible", true).containsEntry("rotlEligibleFrom", "2027-02-08");
        assertThat(task(engine, rotl, "Task_AssessRotlRisk")).hasCandidateGroup("custody-feltham");
        complete(engine, rotl, "Task_AssessRotlRisk", "rotlRisk", "low");
        assertThat(task(engine, rotl, "Task_DecideRotl")).hasCandidateGroup("governor-feltham")
                .hasDueDate(endOfDay("2027-01-25"));
        complete(engine, rotl, "Task_DecideRotl", "rotlDecision", "approved");
        runAsync(rotl);
        assertThat(task(engine, rotl, "Task_ArrangeRotl")).hasCandidateGroup("custody-feltham");
        complete(engine, rotl, "Task_ArrangeRotl");
        assertThat(task(engine, rotl, "Task_ConfirmRotlWithProvider")).hasCandidateGroup("provider-ete");
        complete(engine, rotl, "Task_ConfirmRotlWithProvider");
        Assertions.assertThat(timer(engine, rotl, "Timer_DayAfterRotl").getDuedate()).isEqualTo(startOfDay("2027-02-16"));
        fire(engine, rotl, "Timer_DayAfterRotl");
        complete(engine, rotl, "Task_RecordRotlOutcome", "rotlOutcome", "took-place");
        runAsync(rotl);

        assertThat(rotl).isEnded().hasPassed("End_RotlDone");
        assertThat(journey).variables().containsEntry("rotlRequested", 1).containsEntry("rotlApproved", 1)
                .containsEntry("rotlTaken", 1).containsEntry("rotlRefused", 0).containsEntry("lastRotlOutcome", "took-place");
    }

    @Test
    void aRefusedRequestShowsTheGovernorsReasonsToTheYot() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-NO"));
        ProcessInstance rotl = request("LEW-ROTL-NO", "family", "2027-02-20");
        complete(engine, rotl, "Task_AssessRotlRisk", "rotlRisk", "high");
        complete(engine, rotl, "Task_DecideRotl", "rotlDecision", "refused", "rotlDecisionReasons", "risk on the estate");
        runAsync(rotl);

        var read = task(engine, rotl, "Task_ReadRotlRefusal");
        assertThat(read).hasCandidateGroup("yot-lewisham");
        Assertions.assertThat(engine.getTaskService().getVariable(read.getId(), "rotlDecisionReasons")).isEqualTo("risk on the estate");
        complete(engine, rotl, "Task_ReadRotlRefusal");
        assertThat(rotl).isEnded().hasPassed("End_Refused");
        assertThat(journey).variables().containsEntry("rotlRefused", 1).containsEntry("rotlApproved", 0);
    }

    @Test
    void aChildNotYetEligibleIsToldWhenTheyWillBe() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-EARLY"));
        ProcessInstance rotl = request("LEW-ROTL-EARLY", "view-accommodation", "2027-01-20");

        assertThat(rotl).isWaitingAt("Task_TellNotYetEligible");
        assertThat(task(engine, rotl, "Task_TellNotYetEligible")).hasCandidateGroup("yot-lewisham").hasCandidateGroup("custody-feltham");
        assertThat(rotl).variables().containsEntry("rotlEligible", false).containsEntry("rotlEligibleFrom", "2027-02-08")
                .containsEntry("rotlEligibilityRule", "Resettlement ROTL: from halfway through the time in custody");
        complete(engine, rotl, "Task_TellNotYetEligible");
        assertThat(rotl).isEnded().hasPassed("End_NotEligible");
        assertThat(journey).variables().containsEntry("rotlRequested", 1).containsEntry("rotlApproved", 0);
    }

    @Test
    void releaseClosesAnOpenRequestAsOvertakenWithNoTaskLeft() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-RELEASED"));
        ProcessInstance rotl = request("LEW-ROTL-RELEASED", "family", "2027-03-20");
        complete(engine, rotl, "Task_AssessRotlRisk");

        fire(engine, journey, "Timer_ReleaseDateReached");

        assertThat(rotl).isEnded().hasPassed("End_Overtaken");
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(rotl.getId()).count()).isZero();
        Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(rotl.getId())
                .variableName("rotlStatus").singleResult().getValue()).isEqualTo("overtaken-by-release");
        assertThat(journey).variables().containsEntry("inCustody", false);
    }

    @Test
    void twoRequestsForOneChildRunSideBySide() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-TWO"));
        ProcessInstance interview = request("LEW-ROTL-TWO", "ete-interview", "2027-02-10");
        ProcessInstance family = request("LEW-ROTL-TWO", "family", "2027-02-12");

        complete(engine, interview, "Task_AssessRotlRisk");
        complete(engine, family, "Task_AssessRotlRisk");
        complete(engine, family, "Task_DecideRotl", "rotlDecision", "refused");
        complete(engine, interview, "Task_DecideRotl", "rotlDecision", "approved");
        runAsync(family);
        runAsync(interview);

        assertThat(interview).isWaitingAt("Task_ArrangeRotl");
        assertThat(family).isWaitingAt("Task_ReadRotlRefusal");
        assertThat(journey).variables().containsEntry("rotlRequested", 2).containsEntry("rotlApproved", 1).containsEntry("rotlRefused", 1);
    }

    @Test
    void aFailedReturnRaisesAnUrgentTaskForCustodyAndTheYot() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-AWOL"));
        ProcessInstance rotl = request("LEW-ROTL-AWOL", "family", "2027-02-20");
        complete(engine, rotl, "Task_AssessRotlRisk");
        complete(engine, rotl, "Task_DecideRotl", "rotlDecision", "approved");
        runAsync(rotl);
        complete(engine, rotl, "Task_ArrangeRotl");
        assertThat(rotl).isWaitingAt("Timer_DayAfterRotl");
        fire(engine, rotl, "Timer_DayAfterRotl");
        complete(engine, rotl, "Task_RecordRotlOutcome", "rotlOutcome", "failed-to-return");

        var urgent = task(engine, rotl, "Task_RespondToFailedReturn");
        assertThat(urgent).hasCandidateGroup("custody-feltham").hasCandidateGroup("yot-lewisham");
        Assertions.assertThat(urgent.getPriority()).isEqualTo(100);
        complete(engine, rotl, "Task_RespondToFailedReturn");
        runAsync(rotl);
        assertThat(journey).variables().containsEntry("rotlTaken", 1).containsEntry("lastRotlOutcome", "failed-to-return");
    }

    @ParameterizedTest(name = "{0}: refused with \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "no journey          | LEW-ROTL-NONE    | 2027-02-15 | caseReference 'LEW-ROTL-NONE' has no running journey",
            "after release       | LEW-ROTL-LATE    | 2027-04-02 | proposedDate 2027-04-02 is not before the release date 2027-04-01",
            "on the release date | LEW-ROTL-LATE    | 2027-04-01 | proposedDate 2027-04-01 is not before the release date 2027-04-01",
            "a date passed       | LEW-ROTL-LATE    | 2027-01-04 | proposedDate 2027-01-04 has passed"})
    void aRequestThatCannotBeMadeIsRefusedAndNothingIsCreated(String why, String reference, String date, String message) {
        if (reference.equals("LEW-ROTL-LATE")) {
            start(engine, lewishamCase(reference + "-" + date.replace("-", "")));
            reference = reference + "-" + date.replace("-", "");
        }
        String ref = reference;
        assertThatThrownBy(() -> request(ref, "family", date)).hasMessageContaining(message.replace("LEW-ROTL-LATE", ref));
        Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY)
                .processInstanceBusinessKey(ref).count()).isZero();
    }

    @Test
    void aRequestForAReleasedChildIsRefused() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-ROTL-OUT"));
        fire(engine, journey, "Timer_ReleaseDateReached");

        assertThatThrownBy(() -> request("LEW-ROTL-OUT", "family", "2027-02-15"))
                .hasMessageContaining("'LEW-ROTL-OUT' has been released: ROTL is only for a child in custody");
    }

    ProcessInstance request(String reference, String purpose, String date) {
        return requestRotl(engine, reference, purpose, date);
    }

    /** Runs the request's asynchronous steps, as the job executor would. */
    void runAsync(ProcessInstance rotl) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(rotl.getId()).messages().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }
}
