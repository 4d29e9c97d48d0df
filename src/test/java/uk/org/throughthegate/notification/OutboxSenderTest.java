package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.throughthegate.access.TestPeople.address;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * The outbox's sender as it runs in the service (the job executor on): a step's mails go when it
 * commits. The sweep is an hour away (the one at start-up already run), so only the wake on the
 * step's commit can send its mail in time; OutboxSweepTest has the sweep.
 */
@SpringBootTest(properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT, "camunda.bpm.job-execution.enabled=true",
        "ttg.mail.outbox-sweep=1h"})
@ActiveProfiles("test")
class OutboxSenderTest {

    static Mailbox mailbox = new Mailbox();

    @Autowired
    ProcessEngine engine;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate sql;

    @BeforeAll
    static void startMailServer() {
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @Test
    void aStepsMailsGoWhenItCommits() {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        config.getCommandExecutorTxRequired().execute(command -> outbox.queue(new OutgoingMail("committed-1",
                "LEW-WAKE", address("yot.anna"), "Queued by a step", "text", "<p>html</p>")));

        await().atMost(Duration.ofSeconds(5)).until(() -> mailbox.received().size() == 1);
        assertThat(mailbox.received()).extracting(Received::to, Received::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(address("yot.anna"), "Queued by a step"));
        assertThat(sql.queryForObject("select count(*) from ttg_mail_outbox", Long.class)).isZero();
        assertThat(sql.queryForObject("select count(*) from ttg_mail_log where case_reference = 'LEW-WAKE'",
                Long.class)).isEqualTo(1);
    }
}
