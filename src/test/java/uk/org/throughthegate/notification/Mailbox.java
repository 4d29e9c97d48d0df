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
     * Runs the queued sending jobs, as the job executor would after the queuing step commits, oldest
     * mail first; a mail that waits for an earlier one to the same person looks again at once, not a
     * minute later. Returns how many sending jobs ran.
     */
    public static int deliverQueued(ProcessEngine engine) {
        var management = engine.getManagementService();
        int sent = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> batches = outboxJobs(engine);
            batches.forEach(j -> management.executeJob(j.getId()));
            sent += batches.size();
            List<Job> jobs = new java.util.ArrayList<>(management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                    .activityId("Task_SendMail").executable().list());
            List<Job> waiting = management.createJobQuery().processDefinitionKey(MailOutbox.PROCESS_KEY)
                    .activityId("Timer_WaitForEarlierMail").list();
            if (batches.isEmpty() && jobs.isEmpty() && waiting.isEmpty()) {
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
     * Runs the outbox's jobs once, as the job executor does after the queuing steps commit: with the
     * mail server down, each mail goes on as a send-mail instance. Returns how many jobs ran.
     */
    static int sendOutbox(ProcessEngine engine) {
        List<Job> batches = outboxJobs(engine);
        batches.forEach(j -> engine.getManagementService().executeJob(j.getId()));
        return batches.size();
    }

    /** Mails of a case waiting in the outbox for their batch's sending job. */
    static long inOutbox(ProcessEngine engine, String caseReference) {
        return sql(engine).queryForObject("select count(*) from ttg_mail_outbox where case_reference = ?", Long.class, caseReference);
    }

    private static org.springframework.jdbc.core.JdbcTemplate sql(ProcessEngine engine) {
        return new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration()).getDataSource());
    }

    /**
     * The jobs that send what a transaction queued in the outbox (SendQueuedMails), in the order their
     * first mails were queued.
     */
    static List<Job> outboxJobs(ProcessEngine engine) {
        var sql = sql(engine);
        java.util.Map<String, Long> firstQueued = new java.util.HashMap<>();
        sql.query("select batch_id, min(queued_at) from ttg_mail_outbox group by batch_id",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> firstQueued.put(rs.getString(1), rs.getLong(2)));
        return engine.getManagementService().createJobQuery().messages().executable().list().stream()
                .filter(j -> j instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity e
                        && SendQueuedMails.TYPE.equals(e.getJobHandlerType()))
                .sorted(java.util.Comparator.comparing(j -> firstQueued.getOrDefault(
                        ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j).getJobHandlerConfigurationRaw(), Long.MAX_VALUE)))
                .toList();
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
