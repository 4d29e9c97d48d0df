package uk.org.throughthegate.notification;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues a mail: a row in {@code ttg_mail_outbox}, written in the queuing step's transaction, so the
 * mail exists only if the step commits. When the step commits, the outbox's sender is woken
 * ({@link OutboxSender}) and sends what is waiting, many steps' mails at a time; a mail that cannot
 * go at once becomes an instance of {@code send-mail}, with its retries and, if the mail server stays
 * down, an incident in Cockpit. The workflow step never waits for SMTP.
 * <p>
 * Each mail was a {@code send-mail} instance from the start until 2026-12-06: a process start inside
 * the step per mail (seven variables, two byte arrays, a job), about as costly as the step itself.
 * Until 2026-12-07 each step that queued mails made a job of its own to send them
 * ({@link SendQueuedMails}): six statements of the job executor per step, more than the mails' own.
 */
@Component
public class MailOutbox {

    static final String PROCESS_KEY = SendMailProcess.KEY;

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final RuntimeService runtime;
    private final MailLog log;
    private final JdbcTemplate jdbc;
    private final MultiRowInsert rows;
    private final ProcessEngineConfigurationImpl engine;
    private final ObjectProvider<OutboxSender> sender;
    /** The batch of each transaction that queued a mail; forgotten when it ends. */
    private final Map<TransactionContext, String> batches = Collections.synchronizedMap(new WeakHashMap<>());

    MailOutbox(RuntimeService runtime, MailLog log, JdbcTemplate jdbc, ProcessEngineConfiguration configuration,
            ObjectProvider<OutboxSender> sender) {
        this.runtime = runtime;
        this.sender = sender;
        this.log = log;
        this.jdbc = jdbc;
        this.rows = new MultiRowInsert(jdbc, "ttg_mail_outbox", "id", "batch_id", "mail_key", "case_reference", "recipient",
                "subject", "text_body", "html_body", "queued_at");
        this.engine = (ProcessEngineConfigurationImpl) configuration;
        // Plain SQL that H2 and PostgreSQL both accept; the table is ours, not the engine's.
        jdbc.execute("CREATE TABLE IF NOT EXISTS ttg_mail_outbox (id VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " batch_id VARCHAR(64) NOT NULL, mail_key VARCHAR(500) NOT NULL, case_reference VARCHAR(100),"
                + " recipient VARCHAR(320) NOT NULL, subject VARCHAR(1000) NOT NULL, text_body TEXT NOT NULL,"
                + " html_body TEXT NOT NULL, queued_at BIGINT NOT NULL)");
        // Nothing reads a batch by its id since the sender takes the oldest mails (2026-12-07): the
        // column says which step queued a mail, and its index would only cost every insert.
        jdbc.execute("DROP INDEX IF EXISTS ttg_mail_outbox_batch");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ttg_mail_outbox_key ON ttg_mail_outbox (mail_key)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ttg_mail_outbox_queued ON ttg_mail_outbox (queued_at)");
    }

    /**
     * Queues the mail; says whether it did. A mail about a case is keyed by the task or deadline it is
     * about, which happens once. A mail about no case (a team's digest) can be attempted twice on a
     * day: "queued before?" is three indexed look-ups (in the outbox, waiting in {@code send-mail}, or
     * in the mail log), and it is not queued again.
     */
    public boolean queue(OutgoingMail mail) {
        CommandContext command = Context.getCommandContext();
        if (command == null) { // called outside a workflow step (a digest sent by hand): a transaction of its own
            return engine.getCommandExecutorTxRequired().execute(c -> queue(mail));
        }
        if (mail.caseReference() == null && queuedBefore(mail.key())) {
            LOG.debug("Mail {} was queued before; not again", mail.key());
            return false;
        }
        insert(List.of(mail), batchOf(command));
        return true;
    }

    /**
     * Queues mails (a task's mail to each member of its teams, a deadline's reminders): those about a
     * case in one statement, as each is keyed by what it is about and whom it goes to, which happens
     * once; any about no case one by one, each checked for an earlier copy.
     */
    public void queueAll(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            engine.getCommandExecutorTxRequired().execute(c -> {
                queueAll(mails);
                return null;
            });
            return;
        }
        List<OutgoingMail> aboutACase = mails.stream().filter(m -> m.caseReference() != null).toList();
        if (!aboutACase.isEmpty()) {
            insert(aboutACase, batchOf(command));
        }
        mails.stream().filter(m -> m.caseReference() == null).forEach(this::queue);
    }

    private void insert(List<OutgoingMail> mails, String batch) {
        rows.insert(mails.stream().map(mail -> new Object[] {UUID.randomUUID().toString(), batch, mail.key(),
                mail.caseReference(), mail.to(), mail.subject(), mail.text(), mail.html(), MailOrder.queuedNow()}).toList());
    }

    /**
     * Up to {@code limit} of the oldest waiting mails, each locked until the caller's transaction
     * ends. Mails another sender (a thread, a node) holds are passed over, not waited for, and mails of
     * steps not yet committed are not seen: each mail is taken by one sender.
     */
    List<Queued> take(int limit) {
        return jdbc.query("SELECT id, mail_key, case_reference, recipient, subject, text_body, html_body, queued_at"
                + " FROM ttg_mail_outbox ORDER BY queued_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Queued(rs.getString(1), new OutgoingMail(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), rs.getLong(8)), limit);
    }

    /**
     * These mails have gone, or gone on as {@code send-mail} instances: one statement, in the sending
     * transaction, so they leave the outbox only if it commits.
     */
    void remove(List<Queued> sent) {
        if (!sent.isEmpty()) {
            jdbc.update("DELETE FROM ttg_mail_outbox WHERE id IN (" + Placeholders.of(sent.size())
                    + ")", sent.stream().map(Queued::id).toArray());
        }
    }

    /**
     * The mail goes on as an instance of {@code send-mail}, keeping its place in its recipient's
     * order: tried again at once, then on the model's retry schedule, then an incident in Cockpit.
     * Its business key is the case reference, so Cockpit finds a stuck mail by case.
     */
    void sendAsProcess(Queued queued) {
        OutgoingMail mail = queued.mail();
        String businessKey = mail.caseReference() != null ? mail.caseReference() : mail.key();
        // Bodies go in as bytes: a digest can be longer than a string variable may be.
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, Variables.createVariables()
                .putValue(SendMailProcess.MAIL_KEY, mail.key())
                .putValue(SendMailProcess.CASE_REFERENCE, mail.caseReference())
                .putValue(SendMailProcess.TO, mail.to())
                .putValue(SendMailProcess.QUEUED_AT, queued.queuedAt())
                .putValue(SendMailProcess.SUBJECT, mail.subject())
                .putValue(SendMailProcess.TEXT_BODY, Variables.byteArrayValue(mail.text().getBytes(StandardCharsets.UTF_8)))
                .putValue(SendMailProcess.HTML_BODY, Variables.byteArrayValue(mail.html().getBytes(StandardCharsets.UTF_8))));
    }

    private boolean queuedBefore(String key) {
        return !jdbc.queryForList("SELECT 1 FROM ttg_mail_outbox WHERE mail_key = ? FETCH FIRST 1 ROWS ONLY",
                Integer.class, key).isEmpty()
                || runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0
                || log.wasSent(key);
    }

    /**
     * The transaction's batch (the mails one step queued, for whoever reads the outbox); its first
     * mail creates it and has the sender woken once the transaction commits.
     */
    private String batchOf(CommandContext command) {
        TransactionContext transaction = command.getTransactionContext();
        String batch = batches.get(transaction);
        if (batch == null) {
            batch = UUID.randomUUID().toString();
            batches.put(transaction, batch);
            transaction.addTransactionListener(TransactionState.COMMITTED, c -> {
                batches.remove(transaction);
                sender.ifAvailable(OutboxSender::wake);
            });
            transaction.addTransactionListener(TransactionState.ROLLED_BACK, c -> batches.remove(transaction));
        }
        return batch;
    }

    /** A mail in the outbox and its place in its recipient's order. */
    record Queued(String id, OutgoingMail mail, long queuedAt) {
    }
}
