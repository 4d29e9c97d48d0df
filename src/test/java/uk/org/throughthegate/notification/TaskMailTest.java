package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.access.TestPeople.address;
import static uk.org.throughthegate.access.TestPeople.mailable;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * Given a Lewisham case in Feltham, the people who can work each new task hear of it by mail,
 * through a real SMTP server, once, after the step that made the task has committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT})
@ActiveProfiles("test")
class TaskMailTest {

    /** Links in mails point at the port the service listens on (no ttg.public-url set here). */
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;


    static Mailbox mailbox = new Mailbox();

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TeamDigest digest;

    @Autowired
    MailLog mailLog;

    @Autowired
    MailOutbox outbox;

    @BeforeAll
    static void startMailServer() {
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @BeforeEach
    void people() {
        for (String yot : List.of("yot.anna", "yot.ben")) {
            mailable(engine, yot, "yot-lewisham");
            engine.getIdentityService().setUserInfo(yot, MailDeliveryPreference.USER_INFO_KEY, "immediate");
        }
        TestPeople.person(engine, "yot.nomail", "yot-lewisham");
        mailable(engine, "custody.cara", "custody-feltham");
        mailable(engine, "yot.dan", "yot-leeds");
        mailable(engine, "pm.pat", "pm-south-london");
        mailable(engine, "yot.eve", "yot-croydon");
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
    }

    @AfterEach
    void tidy() throws Exception {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
        mailbox.clear();
    }

    @Test
    void aNewTaskIsMailedToEveryMemberOfItsTeamsWithItsLinkAndDueDateAndNothingPersonal() {
        var journey = start(engine, lewishamCase("LEW-MAIL-1"));
        Mailbox.deliverQueued(engine);
        assertThat(mailbox.received()).extracting(Received::to, Received::subject).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(address("yot.anna"), "New task: Record consent to share information (case LEW-MAIL-1)"),
                org.assertj.core.groups.Tuple.tuple(address("yot.ben"), "New task: Record consent to share information (case LEW-MAIL-1)"));
        mailbox.clear();

        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        Mailbox.deliverQueued(engine);

        String meetingId = task(engine, journey, "Task_HoldInitialPlanningMeeting").getId();
        List<Received> mails = mailbox.received();
        assertThat(mails).extracting(Received::to).as("the custody and YOT teams, not Leeds, not the manager, not"
                + " a member without an address").containsExactlyInAnyOrder(address("yot.anna"), address("yot.ben"),
                        address("custody.cara"));
        for (Received mail : mails) {
            assertThat(mail.subject()).isEqualTo("New task: Hold the initial planning meeting (case LEW-MAIL-1)");
            assertThat(mail.text()).contains("Case: LEW-MAIL-1", "Due: Wednesday 6 January 2027, 17:00",
                    "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + meetingId);
            assertThat(mail.html()).contains("href=\"http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
                    + meetingId + "\"", "Wednesday 6 January 2027, 17:00");
            assertThat(mail.text() + mail.html() + mail.subject()).as("no personal detail of the child")
                    .doesNotContain("2010-05-05", "05/05/2010", "dateOfBirth", "DTO", "Feltham");
        }
    }

    @Test
    void someoneOnBothTeamsOfATaskGetsOneMailAndEachTeamsMembersTheirs() {
        mailable(engine, "both.teams", "yot-lewisham", "custody-feltham");
        try {
            var journey = start(engine, lewishamCase("LEW-MAIL-BOTH"));
            Mailbox.deliverQueued(engine);
            mailbox.clear();
            complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
            Mailbox.deliverQueued(engine);
            assertThat(mailbox.received()).extracting(Received::to).as("the planning meeting is offered to both teams")
                    .containsExactlyInAnyOrder(address("yot.anna"), address("yot.ben"), address("custody.cara"),
                            address("both.teams"));
        } finally {
            engine.getIdentityService().deleteUser("both.teams");
        }
    }

    @Test
    void everyMailOfATaskThatWentIsInTheMailLogUnderItsTaskAndPerson() {
        var journey = start(engine, lewishamCase("LEW-MAIL-LOG"));
        String consent = task(engine, journey, "Task_RecordConsent").getId();
        assertThat(Mailbox.inOutbox(engine, "LEW-MAIL-LOG")).as("queued, not sent yet").isEqualTo(2);
        assertThat(mailLog.about("LEW-MAIL-LOG")).isEmpty();

        Mailbox.deliverQueued(engine);

        assertThat(mailLog.about("LEW-MAIL-LOG")).extracting(MailLog.SentMail::key).containsExactlyInAnyOrder(
                "new-task:" + consent + ":yot.anna", "new-task:" + consent + ":yot.ben");
    }

    @Test
    void moreMailsThanOneStatementHoldsAreQueuedSentAndLoggedEachOnce() {
        List<OutgoingMail> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * MultiRowInsert.ROWS_PER_STATEMENT + 5; i++) {
            many.add(new OutgoingMail("reminder:LEW-MANY:" + i, "LEW-MANY", "member" + i + "@test.invalid",
                    "Reminder (case LEW-MANY)", "Case: LEW-MANY", "<p>Case: LEW-MANY</p>"));
        }
        outbox.queueAll(many);
        assertThat(Mailbox.inOutbox(engine, "LEW-MANY")).isEqualTo(many.size());

        Mailbox.deliverQueued(engine);

        assertThat(mailbox.received()).extracting(Received::to).as("each once")
                .containsExactlyInAnyOrderElementsOf(many.stream().map(OutgoingMail::to).toList());
        assertThat(mailLog.about("LEW-MANY")).hasSize(many.size());
        assertThat(Mailbox.inOutbox(engine, "LEW-MANY")).isZero();
    }

    @Test
    void someoneWhoChoseTheDigestGetsNoMailPerTaskAndANonsenseChoiceIsRefused() {
        var refused = http.withBasicAuth("yot.ben", TestPeople.PASSWORD).exchange("/api/me/mail-delivery",
                HttpMethod.PUT, new HttpEntity<>(Map.of("delivery", "weekly")), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains("immediate", "digest", "weekly");
        assertThat(http.withBasicAuth("yot.ben", TestPeople.PASSWORD).getForObject("/api/me/mail-delivery", Map.class))
                .containsEntry("delivery", "immediate");

        var chosen = http.withBasicAuth("yot.ben", TestPeople.PASSWORD).exchange("/api/me/mail-delivery",
                HttpMethod.PUT, new HttpEntity<>(Map.of("delivery", "digest")), Map.class);
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/me/mail-delivery", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        start(engine, lewishamCase("LEW-MAIL-2"));
        Mailbox.deliverQueued(engine);

        assertThat(mailbox.received()).extracting(Received::to).containsExactly(address("yot.anna"));
    }

    @Test
    void aTaskGivenToSomeoneByAnAdministratorIsMailedToThemButClaimingOnesOwnIsNot() {
        var journey = start(engine, lewishamCase("LEW-MAIL-3"));
        Mailbox.deliverQueued(engine);
        mailbox.clear();
        String consent = task(engine, journey, "Task_RecordConsent").getId();

        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        engine.getTaskService().setAssignee(consent, "yot.ben");
        engine.getTaskService().setAssignee(consent, null);
        engine.getIdentityService().setAuthentication("yot.ben", List.of("yot-lewisham"));
        engine.getTaskService().claim(consent, "yot.ben");
        engine.getIdentityService().clearAuthentication();
        Mailbox.deliverQueued(engine);

        assertThat(mailbox.received()).extracting(Received::to, Received::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(address("yot.ben"),
                        "Assigned to you: Record consent to share information (case LEW-MAIL-3)"));
    }

    @Test
    void withTheMailServerDownTheStepCompletesAndTheMailArrivesOnceWhenItIsBack() throws Exception {
        var journey = start(engine, lewishamCase("LEW-MAIL-4"));
        Mailbox.deliverQueued(engine);
        mailbox.clear();
        mailbox.stop();

        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting")).as("the step completed").isNotNull();
        assertThat(Mailbox.sendOutbox(engine)).as("the step's three mails, tried at once").isEqualTo(3);

        List<Job> sending = engine.getManagementService().createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY).list();
        assertThat(sending).as("each refused mail goes on to be retried as a send-mail instance").hasSize(3);
        for (Job job : sending) {
            for (int attempt = 0; attempt < 10 && retries(job) > 0; attempt++) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                        .as("SMTP is down").isNotNull();
                if (attempt == 0) {
                    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate())
                            .as("retried a minute later, on the engine clock").isEqualTo(at("2026-12-18T10:01"));
                }
            }
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn(MailOutbox.PROCESS_KEY)
                .activityId("Task_SendMail").count()).as("incidents in Cockpit once retries are used up").isEqualTo(3);

        mailbox.start();
        for (Job job : sending) {
            engine.getManagementService().setJobRetries(job.getId(), 1); // what Cockpit's "Retry" does
            engine.getManagementService().executeJob(job.getId());      // as the job executor then does
        }
        assertThat(Mailbox.deliverQueued(engine)).as("nothing left to send").isZero();

        assertThat(mailbox.received()).extracting(Received::to).containsExactlyInAnyOrder(address("yot.anna"),
                address("yot.ben"), address("custody.cara"));
        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn(MailOutbox.PROCESS_KEY).count())
                .isZero();
        assertThat(task(engine, journey, "Task_HoldInitialPlanningMeeting")).isNotNull();
    }

    /** A mail queued by a step that then fails is gone with the step: no row, nothing sent. */
    @Test
    void aStepThatFailsAfterQueuingItsMailsLeavesNoMailBehind() {
        Mailbox.deliverQueued(engine);
        mailbox.clear();
        var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThatThrownBy(() -> config.getCommandExecutorTxRequired().execute(command -> {
            outbox.queue(new OutgoingMail("failed-step-1", "LEW-ROLLBACK", address("yot.anna"), "Never", "text", "<p>html</p>"));
            outbox.queue(new OutgoingMail("failed-step-2", "LEW-ROLLBACK", address("yot.ben"), "Never", "text", "<p>html</p>"));
            throw new IllegalStateException("the step failed after queuing");
        })).hasMessage("the step failed after queuing");

        assertThat(Mailbox.waitingInOutbox(engine)).as("nothing waiting to be sent").isZero();
        assertThat(Mailbox.deliverQueued(engine)).isZero();
        assertThat(mailbox.received()).isEmpty();

        config.getCommandExecutorTxRequired().execute(command -> {
            outbox.queue(new OutgoingMail("next-step-1", "LEW-ROLLBACK", address("yot.anna"), "Sent", "text", "<p>html</p>"));
            return outbox.queue(new OutgoingMail("next-step-2", "LEW-ROLLBACK", address("yot.ben"), "Sent", "text", "<p>html</p>"));
        });
        assertThat(Mailbox.waitingInOutbox(engine)).as("the next step's two mails").isEqualTo(2);
        Mailbox.deliverQueued(engine);
        assertThat(mailbox.to(address("yot.ben"))).extracting(Received::subject).containsExactly("Sent");
        assertThat(mailbox.to(address("yot.anna"))).extracting(Received::subject).containsExactly("Sent");
    }

    /**
     * A process owner deploys a new version of the mail process while a mail of the old one waits
     * for its next try: a later mail, of the new version, still waits behind it (the mail order
     * remembers the mail jobs' definitions until a version it has not seen sends).
     */
    @Test
    void aMailOfANewVersionOfTheMailProcessStillWaitsBehindAnEarlierFailedOne() throws Exception {
        var management = engine.getManagementService();
        mailbox.stop();
        ClockUtil.setCurrentTime(at("2026-12-18T10:00"));
        outbox.queue(new OutgoingMail("version-first", "LEW-VERSION", address("yot.anna"), "Before the new version", "text", "<p>html</p>"));
        Mailbox.sendOutbox(engine);
        Job first = mailJob("version-first");
        try {
            assertThatThrownBy(() -> management.executeJob(first.getId())).as("SMTP is down").isNotNull();
        } finally {
            mailbox.start();
        }

        var redeployed = engine.getRepositoryService().createDeployment().name("send-mail again")
                .addInputStream("send-mail.bpmn", java.nio.file.Files.newInputStream(java.nio.file.Path.of("bpmn", "send-mail.bpmn")))
                .deploy();
        try {
            ClockUtil.setCurrentTime(at("2026-12-18T10:05"));
            outbox.queue(new OutgoingMail("version-second", "LEW-VERSION", address("yot.anna"), "After the new version", "text", "<p>html</p>"));
            Mailbox.sendOutbox(engine); // the mail server is back, yet an earlier mail to Anna waits: this one waits behind it
            Job second = mailJob("version-second");
            assertThat(second.getProcessDefinitionId()).as("queued with the new version")
                    .isNotEqualTo(first.getProcessDefinitionId());

            management.executeJob(second.getId());
            assertThat(mailbox.received()).as("the later mail does not overtake the failed one").isEmpty();
            assertThat(management.createJobQuery().processInstanceId(second.getProcessInstanceId())
                    .activityId("Timer_WaitForEarlierMail").count()).as("it waits a minute and looks again").isEqualTo(1);

            management.executeJob(first.getId());
            Job waiting = management.createJobQuery().processInstanceId(second.getProcessInstanceId()).singleResult();
            assertThat(waiting.getDuedate()).as("the sent mail wakes the one of the new version at once, not a minute later")
                    .isEqualTo(at("2026-12-18T10:05"));
            Mailbox.deliverQueued(engine);
            assertThat(mailbox.to(address("yot.anna"))).extracting(Received::subject)
                    .containsExactly("Before the new version", "After the new version");
        } finally {
            engine.getRepositoryService().deleteDeployment(redeployed.getId(), true);
        }
    }

    private Job mailJob(String mailKey) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                .variableValueEquals(SendMailProcess.MAIL_KEY, mailKey).singleResult().getId();
        return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    }

    /**
     * After an outage each mail's job comes back on its own retry schedule; still a person gets their
     * mails in the order they were queued. A mail stuck in an incident does not hold the others back.
     */
    @Test
    void afterTheMailServerWasDownEachPersonGetsTheirMailsInTheOrderTheyWereQueued() {
        mailbox.stop();
        List<String> subjects = List.of("First", "Second", "Third");
        for (int i = 0; i < subjects.size(); i++) {
            ClockUtil.setCurrentTime(at("2026-12-18T10:0" + i));
            outbox.queue(new OutgoingMail("order-" + i, "LEW-ORDER", address("yot.anna"), subjects.get(i), "text", "<p>html</p>"));
        }
        outbox.queue(new OutgoingMail("order-ben", "LEW-ORDER", address("yot.ben"), "Ben's only", "text", "<p>html</p>"));
        Mailbox.sendOutbox(engine);
        assertThat(Mailbox.inOutbox(engine, "LEW-ORDER")).as("each mail has left the outbox, to be tried again as send-mail").isZero();
        var management = engine.getManagementService();
        List<Job> newestFirst = management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY).list().stream()
                .sorted(java.util.Comparator.comparing((Job j) -> Mailbox.queuedAt(engine, j)).reversed()).toList();
        for (Job job : newestFirst) { // the job executor takes them in any order; here the worst
            assertThatThrownBy(() -> management.executeJob(job.getId())).as("SMTP is down").isNotNull();
        }

        mailbox.start();
        ClockUtil.setCurrentTime(at("2026-12-18T10:05"));
        // their retries come due in any order: again the newest first
        for (Job job : management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY).activityId("Task_SendMail").list()
                .stream().sorted(java.util.Comparator.comparing((Job j) -> Mailbox.queuedAt(engine, j)).reversed()).toList()) {
            management.executeJob(job.getId());
        }
        assertThat(management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                .activityId("Timer_WaitForEarlierMail").count()).as("Second and Third wait for First, which had failed")
                .isEqualTo(2);
        Mailbox.deliverQueued(engine);

        assertThat(mailbox.to(address("yot.anna"))).extracting(Received::subject).as("in the order queued")
                .containsExactly("First", "Second", "Third");
        assertThat(mailbox.to(address("yot.ben"))).extracting(Received::subject).containsExactly("Ben's only");

        // A mail that cannot go (its retries used up, an incident in Cockpit) holds nobody back.
        mailbox.clear();
        mailbox.stop();
        outbox.queue(new OutgoingMail("stuck", "LEW-ORDER", address("yot.anna"), "Stuck", "text", "<p>html</p>"));
        Mailbox.sendOutbox(engine);
        Job stuck = management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY).singleResult();
        while (management.createJobQuery().jobId(stuck.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> management.executeJob(stuck.getId())).isNotNull();
        }
        mailbox.start();
        ClockUtil.setCurrentTime(at("2026-12-18T11:00"));
        outbox.queue(new OutgoingMail("after-stuck", "LEW-ORDER", address("yot.anna"), "After the stuck one", "text", "<p>html</p>"));
        Mailbox.deliverQueued(engine);
        assertThat(mailbox.to(address("yot.anna"))).extracting(Received::subject).containsExactly("After the stuck one");
    }

    @Test
    void theDailyDigestListsEachTeamsOverdueAndThisWeeksTasksByCase() {
        var overdue = start(engine, croydonCase("CRO-1", "2026-12-18"));
        complete(engine, overdue, "Task_RecordConsent", "consentToShare", "given");
        ClockUtil.setCurrentTime(at("2026-12-22T10:00"));
        var dueThisWeek = start(engine, croydonCase("CRO-2", "2026-12-22"));
        complete(engine, dueThisWeek, "Task_RecordConsent", "consentToShare", "given");
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
        var later = start(engine, croydonCase("CRO-3", "2027-01-04"));
        complete(engine, later, "Task_RecordConsent", "consentToShare", "given");
        Mailbox.deliverQueued(engine);
        mailbox.clear();

        ClockUtil.setCurrentTime(at("2027-01-07T07:00"));
        fireDailyDigestTimer();
        Mailbox.deliverQueued(engine);

        List<Received> eve = mailbox.to(address("yot.eve"));
        assertThat(eve).hasSize(1);
        Received mail = eve.get(0);
        assertThat(mail.subject()).isEqualTo("yot-croydon: 1 overdue, 1 due this week (2027-01-07)");
        assertThat(mail.text()).contains("Case CRO-1", "OVERDUE Hold the initial planning meeting, due Wednesday 6 January 2027",
                "Case CRO-2", "Hold the initial planning meeting, due Friday 8 January 2027")
                .doesNotContain("CRO-3").doesNotContain("OVERDUE Hold the initial planning meeting, due Friday");
        assertThat(mail.html()).contains("CRO-1", "CRO-2").doesNotContain("CRO-3");
        assertThat(mailbox.to(address("custody.cara"))).as("Feltham's custody team has the same meetings")
                .singleElement().extracting(Received::subject).asString().startsWith("custody-feltham:");

        assertThat(digest.send()).as("a second run the same day sends nothing again").isZero();
        assertThat(dailyDigestTimer().getDuedate()).as("next: Friday 07:00, in the server's time zone")
                .isEqualTo(Date.from(LocalDateTime.parse("2027-01-08T07:00").atZone(ZoneId.systemDefault()).toInstant()));
    }

    @Test
    void theDigestIsOneTimerForAllNodesAndSendsNothingOnABankHoliday() {
        var overdue = start(engine, croydonCase("CRO-HOL", "2026-12-18"));
        complete(engine, overdue, "Task_RecordConsent", "consentToShare", "given");
        Mailbox.deliverQueued(engine);
        mailbox.clear();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(DAILY_DIGEST).count())
                .as("one job in the shared database, which one node's job executor locks and runs").isOne();

        ClockUtil.setCurrentTime(at("2026-12-28T07:00")); // Monday: Boxing Day's substitute
        String run = fireDailyDigestTimer();
        Mailbox.deliverQueued(engine);

        assertThat(mailbox.to(address("yot.eve"))).isEmpty();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(run)
                .variableName(SendTeamDigestsDelegate.DIGESTS_QUEUED).singleResult().getValue()).isEqualTo(0);
        assertThat(dailyDigestTimer().getDuedate()).isEqualTo(
                Date.from(LocalDateTime.parse("2026-12-29T07:00").atZone(ZoneId.systemDefault()).toInstant()));
    }

    static final String DAILY_DIGEST = "daily-digest";

    private Job dailyDigestTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(DAILY_DIGEST).timers().singleResult();
    }

    /** What the job executor does when the timer is due; returns the digest run it started. */
    private String fireDailyDigestTimer() {
        var runs = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DAILY_DIGEST);
        List<String> before = runs.list().stream().map(r -> r.getId()).toList();
        engine.getManagementService().executeJob(dailyDigestTimer().getId());
        return runs.list().stream().map(r -> r.getId()).filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    private int retries(Job job) {
        return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
    }

    private static Map<String, Object> croydonCase(String reference, String sentenceDate) {
        Map<String, Object> v = lewishamCase(reference);
        v.put("homeYot", "croydon");
        v.put("sentenceDate", sentenceDate);
        return v;
    }
}
