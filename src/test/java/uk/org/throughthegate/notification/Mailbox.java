package uk.org.throughthegate.notification;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server for a test class (GreenMail on port 3025), and the mails it received as their
 * reader sees them: recipient, subject, plain-text and HTML parts.
 */
public final class Mailbox {

    static final String SMTP_PROPERTIES = "spring.mail.host=localhost";
    static final String SMTP_PORT = "spring.mail.port=3025";

    private GreenMail server;

    void start() {
        server = new GreenMail(ServerSetupTest.SMTP);
        server.start();
    }

    /** Stops the server if it was started (a test class skipped before its start has none). */
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    GreenMail server() {
        return server;
    }

    void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Received> received() {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read).toList();
    }

    List<Received> to(String address) {
        return received().stream().filter(m -> m.to().equals(address)).toList();
    }

    /**
     * Sends what is waiting in the outbox, as the outbox's sender would after the queuing steps
     * commit, then runs the send-mail instances' jobs, oldest mail first; a mail that waits for an
     * earlier one to the same person looks again at once, not a minute later. Returns how many mails
     * left the outbox plus how many send-mail jobs ran.
     */
    public static int deliverQueued(ProcessEngine engine) {
        var management = engine.getManagementService();
        int sent = 0;
        for (int round = 0; round < 100; round++) {
            int fromOutbox = sendOutbox(engine);
            sent += fromOutbox;
            List<Job> jobs = new java.util.ArrayList<>(management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                    .activityId("Task_SendMail").executable().list());
            List<Job> waiting = management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                    .activityId("Timer_WaitForEarlierMail").list();
            if (fromOutbox == 0 && jobs.isEmpty() && waiting.isEmpty()) {
                break;
            }
            waiting.forEach(j -> management.executeJob(j.getId()));
            jobs.sort(java.util.Comparator.comparing(j -> queuedAt(engine, j)));
            for (Job job : jobs) {
                management.executeJob(job.getId());
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends what is waiting in the outbox once, as the outbox's sender does after the queuing steps
     * commit: with the mail server down, each mail goes on as a send-mail instance. Returns how many
     * mails left the outbox.
     */
    static int sendOutbox(ProcessEngine engine) {
        return OutboxSenders.of(engine).sendAllNow();
    }

    /** Mails of a case waiting in the outbox to be sent. */
    static long inOutbox(ProcessEngine engine, String caseReference) {
        return sql(engine).queryForObject("select count(*) from ttg_mail_outbox where case_reference = ?", Long.class, caseReference);
    }

    /** Mails waiting in the outbox to be sent, of every case. */
    static long waitingInOutbox(ProcessEngine engine) {
        return sql(engine).queryForObject("select count(*) from ttg_mail_outbox", Long.class);
    }

    private static org.springframework.jdbc.core.JdbcTemplate sql(ProcessEngine engine) {
        return new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration()).getDataSource());
    }

    /**
     * What a minute does to mails waiting behind an earlier one to the same person: they look again.
     * For tests whose engine clock stands still while the job executor runs.
     */
    static void minuteForWaitingMails(ProcessEngine engine) {
        for (Job waiting : engine.getManagementService().createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                .activityId("Timer_WaitForEarlierMail").list()) {
            try {
                engine.getManagementService().executeJob(waiting.getId());
            } catch (RuntimeException takenMeanwhile) {
                // the job executor ran it first
            }
        }
    }

    static long queuedAt(ProcessEngine engine, Job job) {
        Object queued = engine.getRuntimeService().getVariable(job.getProcessInstanceId(), SendMailProcess.QUEUED_AT);
        return queued instanceof Long l ? l : Long.MIN_VALUE;
    }

    private static Received read(MimeMessage m) {
        try {
            return new Received(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(),
                    part(m, "text/plain"), part(m, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part p, String type) throws MessagingException, IOException {
        if (p.isMimeType(type)) {
            return p.getContent().toString();
        }
        if (p.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) p.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart body = multi.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    record Received(String to, String subject, String text, String html) {
    }
}
