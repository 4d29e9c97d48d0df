package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.throughthegate.access.TestPeople.address;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * The outbox's sender as it runs in the service (the job executor on): a mail nobody woke a sender
 * for (its node stopped between the step's commit and the sending) goes at the next sweep.
 */
@SpringBootTest(properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT, "camunda.bpm.job-execution.enabled=true",
        "ttg.mail.outbox-sweep=1s"})
@ActiveProfiles("test")
class OutboxSweepTest {

    static Mailbox mailbox = new Mailbox();

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
    void aMailLeftInTheOutboxGoesAtTheNextSweep() {
        // as a node that stopped after its step's commit leaves it: in the outbox, nobody woken
        sql.update("INSERT INTO ttg_mail_outbox (id, batch_id, mail_key, case_reference, recipient, subject, text_body,"
                + " html_body, queued_at) VALUES ('left-1', 'left-batch', 'left-1', 'LEW-SWEEP', ?, 'Left behind',"
                + " 'text', '<p>html</p>', ?)", address("yot.ben"), MailOrder.queuedNow());
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.received().size() == 1);

        assertThat(mailbox.received()).extracting(Received::to, Received::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(address("yot.ben"), "Left behind"));
        assertThat(sql.queryForObject("select count(*) from ttg_mail_outbox", Long.class)).isZero();
        assertThat(sql.queryForObject("select count(*) from ttg_mail_log where case_reference = 'LEW-SWEEP'", Long.class))
                .isEqualTo(1);
    }
}
