package uk.org.throughthegate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.access.TestPeople.mailable;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * What the people who run the service see: health probes for the load balancer and metrics for
 * Prometheus, on the management port, with counts and team ids but never a case or a person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles("test")
// Spring's tests leave metric exporters out unless asked; this test is about them.
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadGauges workload;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void noDigestsInTheseCounts() {
        // The digest's timer would fall due on the test's clock and mail every team.
        engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey("daily-digest", true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void probesAnswerOnTheManagementPortOnlyAndWithoutALogin() {
        assertThat(management("/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> readiness = management("/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"db\":{\"status\":\"UP\"", "\"jobs\":{\"status\":\"UP\"",
                "\"jobExecutor\":\"running\"");

        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .as("not on the port users reach").isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void prometheusSeesEachTeamsOpenAndOverdueTasksAndTheMails() {
        mailable(engine, "yot.mira", "yot-leeds");
        double keptBefore = value(management("/actuator/prometheus").getBody(), "ttg_mails_sent_total", "via", "kept");
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        Map<String, Object> leedsCase = lewishamCase("LEE-METRICS");
        leedsCase.put("homeYot", "leeds");
        ProcessInstance journey = start(engine, leedsCase);
        Task consent = task(engine, journey, "Task_RecordConsent");
        engine.getTaskService().setDueDate(consent.getId(), at("2026-12-17T17:00"));
        long leedsTasks = engine.getTaskService().createTaskQuery().taskCandidateGroup("yot-leeds").count();

        // The job executor sends the "new task" mail to the Leeds YOT (kept: no mail server in the tests).
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                value(management("/actuator/prometheus").getBody(), "ttg_mails_sent_total", "via", "kept") > keptBefore);
        workload.refresh();
        String metrics = management("/actuator/prometheus").getBody();

        assertThat(value(metrics, "ttg_tasks_open", "team", "yot-leeds")).isEqualTo(leedsTasks);
        assertThat(value(metrics, "ttg_tasks_overdue", "team", "yot-leeds")).isEqualTo(1);
        assertThat(value(metrics, "ttg_consortium_tasks_overdue", "consortium", "south-west-yorkshire")).isEqualTo(1);
        assertThat(value(metrics, "ttg_mails_sent_total", "via", "kept")).isEqualTo(keptBefore + 1);
        assertThat(value(metrics, "ttg_mails_queued", null, null)).isZero();
        assertThat(value(metrics, "camunda_jobs_executed_total", null, null)).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "camunda_jobs_acquired_total", null, null)).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("camunda_jobs_failed_total", "ttg_jobs_due_oldest_seconds", "ttg_mails_stuck");
        assertThat(metrics).as("no case, no person").doesNotContain("LEE-METRICS", "2010-05-05", "yot.mira");
    }

    @Test
    void requestTimesOfTheEngineRestApiAndOursAreMeasuredByRoute() {
        TestPeople.person(engine, "yot.rafi", "yot-lewisham");
        var user = http.withBasicAuth("yot.rafi", TestPeople.PASSWORD);
        assertThat(user.getForEntity("/engine-rest/task?candidateGroup=yot-lewisham", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(user.getForEntity("/engine-rest/process-instance/no-such-id", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(user.getForEntity("/api/me/mail-delivery", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        String metrics = management("/actuator/prometheus").getBody();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")))
                .anyMatch(l -> l.contains("uri=\"/engine-rest/process-instance/{id}\"") && l.contains("status=\"404\""))
                .anyMatch(l -> l.contains("uri=\"/engine-rest/task\"") && l.contains("status=\"200\""))
                .anyMatch(l -> l.contains("uri=\"/api/me/mail-delivery\"") && l.contains("status=\"200\""))
                .as("by route, never an id").noneMatch(l -> l.contains("no-such-id"));
    }

    @Test
    void whileTheJobExecutorIsDownTheNodeIsNotReadyAndTheBacklogShows() {
        mailable(engine, "yot.noor", "yot-lewisham");
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();
        try {
            ProcessInstance journey = start(engine, lewishamCase("LEW-BACKLOG"));
            // a deadline of the case falls due while nobody runs it
            var timer = engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).timers()
                    .orderByJobDuedate().asc().list().get(0);
            engine.getManagementService().setJobDuedate(timer.getId(), new java.util.Date(ClockUtil.getCurrentTime().getTime() - 60_000));
            workload.refresh();

            ResponseEntity<String> readiness = management("/actuator/health/readiness");
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(readiness.getBody()).contains("\"jobs\":{\"status\":\"DOWN\"", "\"jobExecutor\":\"stopped\"");
            assertThat(management("/actuator/health/liveness").getStatusCode())
                    .as("alive: restarting it would not help").isEqualTo(HttpStatus.OK);
            String metrics = management("/actuator/prometheus").getBody();
            // Mails are not the job executor's since 2026-12-07: the outbox's sender runs beside it.
            assertThat(value(metrics, "ttg_jobs_due", null, null)).as("the deadline that fell due").isGreaterThanOrEqualTo(1);
        } finally {
            jobs.start();
        }
        assertThat(management("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            workload.refresh();
            return value(management("/actuator/prometheus").getBody(), "ttg_mails_queued", null, null) == 0;
        });
    }

    ResponseEntity<String> management(String path) {
        return http.getRestTemplate().getForEntity("http://localhost:" + managementPort + path, String.class);
    }

    /** The value of a Prometheus sample, by name and (if given) one label. */
    static double value(String metrics, String name, String label, String labelValue) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics);
        while (m.find()) {
            if (label == null || (m.group(1) != null && m.group(1).contains(label + "=\"" + labelValue + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + (label == null ? "" : "{" + label + "=" + labelValue + "}") + " in:\n"
                + metrics.lines().filter(l -> l.startsWith(name)).toList());
    }
}
