package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.access.TestPeople.address;
import static uk.org.throughthegate.access.TestPeople.mailable;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.contexts.TestPostgres;
import uk.org.throughthegate.notification.Mailbox.Received;

/**
 * The outbox on PostgreSQL, where several nodes send from one outbox: each sender takes its mails
 * with FOR UPDATE SKIP LOCKED. (H2, the single-node demo's database, applies the page's limit before
 * passing over locked rows: a second sender there finds nothing and leaves the rest to the first.)
 */
@Tag("postgres")
@SpringBootTest(properties = {Mailbox.SMTP_PROPERTIES, Mailbox.SMTP_PORT,
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class PostgresOutboxTest {

    static final Mailbox mailbox = new Mailbox();

    @Autowired
    ProcessEngine engine;

    @Autowired
    MailOutbox outbox;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
        mailbox.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    /**
     * Two senders (threads, nodes) at once: the mails one has taken are passed over by the other,
     * not waited for and not sent twice; those the first gives back are sent next time.
     */
    @Test
    void aMailAnotherSenderHoldsIsPassedOverNotWaitedForAndNotSentTwice() throws Exception {
        Mailbox.deliverQueued(engine);
        mailbox.clear();
        String held = "PG-HELD-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String anna = mailable(engine, "yot.held-anna", "yot-lewisham");
        String ben = mailable(engine, "yot.held-ben", "yot-lewisham");
        var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        config.getCommandExecutorTxRequired().execute(command -> {
            outbox.queueAll(List.of(
                    new OutgoingMail(held + "-1", held, address(anna), "First", "text", "<p>html</p>"),
                    new OutgoingMail(held + "-2", held, address(ben), "Second", "text", "<p>html</p>")));
            return null;
        });
        var taken = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var holding = other.submit(() -> config.getCommandExecutorTxRequired().execute(command -> {
                List<MailOutbox.Queued> taking = outbox.take(1); // the oldest, locked until this transaction ends
                taken.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return taking.size(); // ends without sending: it gives the mail back
            }));
            assertThat(taken.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            var meanwhile = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                assertThat(meanwhile.submit(() -> Mailbox.sendOutbox(engine)).get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the other mail, without waiting for the held one").isEqualTo(1);
            } finally {
                meanwhile.shutdownNow();
            }
            assertThat(mailbox.received()).extracting(Received::subject).containsExactly("Second");

            release.countDown();
            assertThat(holding.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertThat(Mailbox.sendOutbox(engine)).as("the mail given back").isEqualTo(1);
        assertThat(mailbox.received()).extracting(Received::subject).containsExactlyInAnyOrder("First", "Second");
        assertThat(Mailbox.inOutbox(engine, held)).isZero();
    }
}
