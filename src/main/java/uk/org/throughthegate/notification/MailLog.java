package uk.org.throughthegate.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.EngineClock;

/**
 * Which mails went out: one row per mail sent (or kept, in the demo), written in the sending
 * transaction, naming the mail's key (what it was about and whom it went to), its case and when.
 * Kept {@value #KEPT_DAYS} days, as the sending process's history was.
 * <p>
 * The sending process ({@code send-mail}) keeps no engine history: a process instance row and its key
 * were about 520 bytes a mail, a quarter of what a closed journey kept, and its removal needed the
 * engine's cleanup; a row here is about a quarter of that.
 */
@Component
public class MailLog {

    static final int KEPT_DAYS = 180;

    private static final Logger LOG = LoggerFactory.getLogger(MailLog.class);

    private final JdbcTemplate jdbc;
    private final MultiRowInsert rows;

    MailLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new MultiRowInsert(jdbc, "ttg_mail_log", "mail_key", "case_reference", "sent_at");
        // Plain SQL that H2 and PostgreSQL both accept; the table is ours, not the engine's.
        jdbc.execute("CREATE TABLE IF NOT EXISTS ttg_mail_log (mail_key VARCHAR(500) NOT NULL,"
                + " case_reference VARCHAR(100), sent_at TIMESTAMP NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ttg_mail_log_key ON ttg_mail_log (mail_key)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ttg_mail_log_case ON ttg_mail_log (case_reference)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ttg_mail_log_sent ON ttg_mail_log (sent_at)");
    }

    void sent(OutgoingMail mail) {
        sent(List.of(mail));
    }

    /** The mails one sending transaction sent, together (see MultiRowInsert). */
    void sent(List<OutgoingMail> mails) {
        Timestamp now = Timestamp.from(EngineClock.now());
        rows.insert(mails.stream().map(mail -> new Object[] {mail.key(), mail.caseReference(), now}).toList());
    }

    boolean wasSent(String key) {
        return !jdbc.queryForList("SELECT 1 FROM ttg_mail_log WHERE mail_key = ? FETCH FIRST 1 ROWS ONLY",
                Integer.class, key).isEmpty();
    }

    /** The mails about a case, oldest first. */
    public List<SentMail> about(String caseReference) {
        return jdbc.query("SELECT mail_key, sent_at FROM ttg_mail_log WHERE case_reference = ? ORDER BY sent_at, mail_key",
                (rs, i) -> new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant()), caseReference);
    }

    /**
     * Forgets mails sent more than {@value #KEPT_DAYS} days ago. Every night in the engine's history
     * cleanup window; on every node, which is harmless: each deletes what is left.
     */
    @Scheduled(cron = "${ttg.mail-log.cleanup-cron:0 30 1 * * *}", zone = "Europe/London")
    public int forgetOld() {
        Instant before = EngineClock.now().minus(Duration.ofDays(KEPT_DAYS));
        int forgotten = jdbc.update("DELETE FROM ttg_mail_log WHERE sent_at < ?", Timestamp.from(before));
        LOG.info("Mail log: {} mails sent before {} forgotten", forgotten, before);
        return forgotten;
    }

    public record SentMail(String key, Instant sentAt) {
    }
}
