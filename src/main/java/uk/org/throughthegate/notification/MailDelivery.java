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
            MimeMessage message = sender.createMimeMessage();
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
}
