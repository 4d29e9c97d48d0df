package uk.org.throughthegate.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server configured under {@code spring.mail.*}; with none configured (the
 * demo) keeps it in the database, where the admin reads it on the mails page, rather than drop it.
 */
@Component
class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final KeptMails kept;
    private final String from;
    private final Counter sent;
    private final Counter keptInstead;
    private final Counter failed;

    MailDelivery(ObjectProvider<JavaMailSender> smtp, KeptMails kept,
            @Value("${ttg.mail.from:through-the-gate@localhost}") String from, MeterRegistry meters) {
        this.smtp = smtp;
        this.kept = kept;
        this.from = from;
        this.sent = Counter.builder("ttg.mails.sent").tag("via", "smtp")
                .description("Mails handed to the mail server").register(meters);
        this.keptInstead = Counter.builder("ttg.mails.sent").tag("via", "kept")
                .description("Mails handed to the mail server").register(meters);
        this.failed = Counter.builder("ttg.mails.failed")
                .description("Attempts to send a mail that failed (each is retried, then becomes an incident)").register(meters);
    }

    void deliver(OutgoingMail mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            kept.keep(mail);
            keptInstead.increment();
            LOG.info("Mail {} kept (no SMTP server configured)", mail.key());
            return;
        }
        try {
            MimeMessage message = sender instanceof JavaMailSenderImpl smtpSender
                    ? new KeyedMessage(smtpSender.getSession(), messageId(mail.key(), from)) : sender.createMimeMessage();
            try {
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
            } catch (MessagingException e) {
                throw new MailSendException("mail " + mail.key() + " could not be built", e);
            }
            sender.send(message);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
        sent.increment();
        LOG.info("Mail {} sent", mail.key());
    }

    /**
     * The mail's Message-ID, made from its key: a mail sent again (its node died after the
     * mail server took the mail but before its transaction's commit) has the same Message-ID, which mail
     * servers and clients show once.
     */
    static String messageId(String key, String from) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "") : "localhost";
        return "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    /** A message that keeps the Message-ID it is given (JavaMail would make a new one on every send). */
    private static final class KeyedMessage extends MimeMessage {

        private final String id;

        KeyedMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
