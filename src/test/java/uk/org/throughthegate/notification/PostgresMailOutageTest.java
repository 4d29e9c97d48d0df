package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.access.TestPeople.address;
import static uk.org.throughthegate.access.TestPeople.mailable;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.contexts.TestPostgres;
import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * The mail server down for hours, on PostgreSQL: the journey goes on, each mail comes back on its
 * retry schedule (1, 5 and 15 minutes, 1 hour, 4 hours after it first failed), and once the server
 * is back every mail arrives once, each person's in the order they were queued. Time passes on the
 * engine clock; each job runs when it falls due, as the job executor would run it.
 */
@Tag("postgres")
@SpringBootTest(properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT,
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class PostgresMailOutageTest {

    static final Mailbox mailbox = new Mailbox();

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMailServerDownForFiveHoursLosesNoMailAndKeepsEachPersonsOrder() {
        String reference = "PG-OUTAGE-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String yot = mailable(engine, "yot.outage", "yot-lewisham");
        String custody = mailable(engine, "custody.outage", "custody-feltham");
        mailbox.stop();

        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        var journey = start(engine, lewishamCase(reference));
        runDueMails(reference, at("2026-12-18T10:00"));
        ClockUtil.setCurrentTime(at("2026-12-18T10:01"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting")).as("the journey did not wait for the mail server")
                .isNotNull();

        runDueMails(reference, at("2026-12-18T15:00"));
        assertThat(mailbox.received()).as("nothing could be sent").isEmpty();
        assertThat(incidents(reference)).as("no mail given up after five hours").isZero();
        assertThat(ourJobs(reference, "Task_SendMail").stream().map(Job::getDuedate).min(Date::compareTo))
                .as("the first mail's last try: 1 + 5 + 15 + 60 + 240 minutes after it first failed at 10:00")
                .contains(at("2026-12-18T15:21"));

        mailbox.start();
        runDueMails(reference, at("2026-12-18T18:00"));

        assertThat(ourJobs(reference, null)).as("nothing left to send").isEmpty();
        assertThat(incidents(reference)).isZero();
        assertThat(mailbox.to(address(yot))).extracting(Received::subject).as("once each, in the order queued").containsExactly(
                "New task: Record consent to share information (case " + reference + ")",
                "New task: Hold the initial planning meeting (case " + reference + ")");
        assertThat(mailbox.to(address(custody))).extracting(Received::subject).containsExactly(
                "New task: Hold the initial planning meeting (case " + reference + ")");
    }

    /** Runs every job of the case's mails as it falls due, the clock moving to each due date, until {@code until}. */
    private void runDueMails(String reference, Date until) {
        while (true) {
            Mailbox.sendOutbox(engine); // queued mails are tried at once; refused, each goes on to be retried
            List<Job> due = ourJobs(reference, null).stream().filter(j -> j.getRetries() > 0)
                    .sorted(Comparator.comparing(Job::getDuedate)).toList();
            if (due.isEmpty() || due.get(0).getDuedate().after(until)) {
                ClockUtil.setCurrentTime(until);
                return;
            }
            Date now = due.get(0).getDuedate();
            if (now.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(now);
            }
            for (Job job : due) {
                if (!job.getDuedate().after(now)) {
                    try {
                        engine.getManagementService().executeJob(job.getId());
                    } catch (RuntimeException smtpDown) {
                        // the job's retry is planned by the engine, as for the job executor
                    }
                }
            }
        }
    }

    /** The jobs of the case's mails (sending or waiting behind an earlier mail), or of one of those steps. */
    private List<Job> ourJobs(String reference, String activityId) {
        List<Job> jobs = new ArrayList<>();
        for (var mail : mails(reference)) {
            var query = engine.getManagementService().createJobQuery().processInstanceId(mail.getId());
            jobs.addAll(activityId == null ? query.list() : query.activityId(activityId).list());
        }
        return jobs;
    }

    private long incidents(String reference) {
        return mails(reference).stream()
                .mapToLong(mail -> engine.getRuntimeService().createIncidentQuery().processInstanceId(mail.getId()).count())
                .sum();
    }

    /** The case's mails still being sent or waiting. */
    private List<ProcessInstance> mails(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                .processInstanceBusinessKey(reference).list();
    }
}
