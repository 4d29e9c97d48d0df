package uk.org.throughthegate.notification;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues a mail as an instance of {@code send-mail}, whose sending step is an asynchronous job.
 * Called inside a workflow step, the mail is queued in that step's transaction: it exists only if
 * the step commits, and it is sent after the commit, by the job executor, with retries and then an
 * incident in Cockpit if the mail server stays down. The workflow step never waits for SMTP.
 */
@Component
public class MailOutbox {

    static final String PROCESS_KEY = SendMailProcess.KEY;

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final RuntimeService runtime;
    private final MailLog log;

    MailOutbox(RuntimeService runtime, MailLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    /**
     * Queues the mail; says whether it did. A mail about a case is keyed by the task or deadline it is
     * about, which happens once, and carries the case reference as business key so Cockpit finds it
     * by case. A mail about no case (a team's digest) can be attempted twice on a day: its key is its
     * business key, so "queued before?" is two indexed look-ups (still waiting to go, or in the mail
     * log), and it is not queued again.
     */
    public boolean queue(OutgoingMail mail) {
        String businessKey = mail.caseReference() != null ? mail.caseReference() : mail.key();
        if (mail.caseReference() == null && (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).count() > 0 || log.wasSent(mail.key()))) {
            LOG.debug("Mail {} was queued before; not again", mail.key());
            return false;
        }
        // Bodies go in as bytes: a digest can be longer than a string variable may be.
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, Variables.createVariables()
                .putValue(SendMailProcess.MAIL_KEY, mail.key())
                .putValue(SendMailProcess.CASE_REFERENCE, mail.caseReference())
                .putValue(SendMailProcess.TO, mail.to())
                .putValue(SendMailProcess.QUEUED_AT, MailOrder.queuedNow())
                .putValue(SendMailProcess.SUBJECT, mail.subject())
                .putValue(SendMailProcess.TEXT_BODY, Variables.byteArrayValue(mail.text().getBytes(StandardCharsets.UTF_8)))
                .putValue(SendMailProcess.HTML_BODY, Variables.byteArrayValue(mail.html().getBytes(StandardCharsets.UTF_8))));
        return true;
    }
}
