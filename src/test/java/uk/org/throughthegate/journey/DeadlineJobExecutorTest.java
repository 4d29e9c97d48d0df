package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deadlines fired by the real job executor, as in production, with the engine's clock moved
 * instead of waiting: the escalation ladder's timers must work through the executor, not only when
 * a test executes their job.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles("test")
class DeadlineJobExecutorTest {

    static final String MEETING_LADDER = "Resolve overdue: Hold the initial planning meeting";

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDayAfterALateInitialPlanningMeetingTheYotManagersHaveItsRungAndNobodyElseATask() {
        ClockUtil.setCurrentTime(at("2027-01-06T16:00"));
        var journey = start(engine, lewishamCase("LEW-EXECUTOR"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("LEW-EXECUTOR")
                .taskName(MEETING_LADDER).taskCandidateGroup("yot-managers-lewisham").count()).as("not late on the due day").isZero();

        ClockUtil.setCurrentTime(at("2027-01-07T09:01"));

        // the meeting's ladder (the case's contact in custody, overdue too by now, climbs its own)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("LEW-EXECUTOR").taskDefinitionKey("Task_ResolveOverdueYotManager")
                .taskName(MEETING_LADDER).taskCandidateGroup("yot-managers-lewisham").count()).isEqualTo(1));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("LEW-EXECUTOR")
                .taskName(MEETING_LADDER).taskCandidateGroup("pm-south-london").count())
                .as("the project managers' turn is later").isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").count()).as("the late task stays open").isEqualTo(1);
    }

    @Test
    void aRotlDecisionNotMadeWithinTenWorkingDaysClimbsTheLadder() {
        ClockUtil.setCurrentTime(at("2027-01-11T10:00"));
        start(engine, lewishamCase("LEW-ROTL-SLOW"));
        var rotl = requestRotl(engine, "LEW-ROTL-SLOW", "family", "2027-02-20");
        complete(engine, rotl, "Task_AssessRotlRisk");
        assertThat(engine.getRuntimeService().getVariable(rotl.getId(), "rotlDecisionDue")).isEqualTo("2027-01-25");

        ClockUtil.setCurrentTime(at("2027-01-26T09:01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("LEW-ROTL-SLOW").taskDefinitionKey("Task_ResolveOverdueYotManager")
                .taskCandidateGroup("yot-managers-lewisham").taskNameLike("%ROTL%").list())
                .extracting(org.camunda.bpm.engine.task.Task::getName)
                .containsExactly("Resolve overdue: Decide the ROTL (governor)"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(rotl.getId())
                .taskDefinitionKey("Task_DecideRotl").taskCandidateGroup("governor-feltham").count()).isEqualTo(1);
    }
}
