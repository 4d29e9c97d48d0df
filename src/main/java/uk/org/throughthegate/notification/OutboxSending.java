package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.notification.MailOutbox.Queued;

/**
 * Sends the oldest waiting mails of the outbox, oldest first, in the caller's transaction. A mail
 * goes at once unless an earlier mail to the same person failed and waits for its next try (then it
 * goes on as a {@code send-mail} instance that waits behind that one, see MailOrder); a mail the mail
 * server refuses goes on as a {@code send-mail} instance too, with its retries and its incident in
 * Cockpit, and so do the later mails to the same person taken with it, so that they stay behind it.
 */
@Component
class OutboxSending {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSending.class);

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final MailOrder order;
    private final MailLog log;

    OutboxSending(MailOutbox outbox, MailDelivery delivery, MailOrder order, MailLog log) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.order = order;
        this.log = log;
    }

    /** Takes up to {@code limit} waiting mails and sends them; says how many it took. */
    int sendWaiting(int limit) {
        List<Queued> taken = outbox.take(limit);
        if (taken.isEmpty()) {
            return 0;
        }
        MailOrder.Queue queue = order.look(null);
        Set<String> refused = new HashSet<>();
        List<OutgoingMail> sent = new ArrayList<>();
        for (Queued queued : taken) {
            OutgoingMail mail = queued.mail();
            if (refused.contains(mail.to()) || order.earlierMailWaiting(mail.to(), queued.queuedAt(), queue)) {
                outbox.sendAsProcess(queued);
            } else if (deliver(mail)) {
                sent.add(mail);
            } else {
                refused.add(mail.to());
                outbox.sendAsProcess(queued);
            }
        }
        // Logged in the same transaction as their removal from the outbox: both happen, or neither.
        log.sent(sent);
        outbox.remove(taken);
        return taken.size();
    }

    private boolean deliver(OutgoingMail mail) {
        try {
            delivery.deliver(mail);
            return true;
        } catch (RuntimeException e) {
            // Only the sending is caught: the mail server said no (or is not there); nothing of the
            // database's transaction has failed, and the mail goes on to be retried.
            LOG.warn("Mail {} could not be sent now ({}); it will be tried again", mail.key(), e.getClass().getSimpleName());
            return false;
        }
    }
}
