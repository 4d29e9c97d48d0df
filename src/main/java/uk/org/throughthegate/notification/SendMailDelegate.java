package uk.org.throughthegate.notification;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.TextFact;

/**
 * The sending step of {@code send-mail}: sends the mail unless an earlier one to the same person is
 * still waiting (then the model waits a minute and comes back). A failure (mail server down) fails
 * the job, which is retried.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

    private final MailDelivery delivery;
    private final MailOrder order;
    private final MailLog log;

    SendMailDelegate(MailDelivery delivery, MailOrder order, MailLog log) {
        this.delivery = delivery;
        this.order = order;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String to = TextFact.of(execution, SendMailProcess.TO);
        MailOrder.Queue queue = order.look(execution.getProcessDefinitionId());
        if (order.earlierMailWaiting(to, execution.getVariable(SendMailProcess.QUEUED_AT), queue)) {
            execution.setVariable(SendMailProcess.SENT, false);
            return;
        }
        execution.setVariable(SendMailProcess.SENT, true);
        OutgoingMail mail = new OutgoingMail(
                TextFact.of(execution, SendMailProcess.MAIL_KEY),
                TextFact.of(execution, SendMailProcess.CASE_REFERENCE),
                TextFact.of(execution, SendMailProcess.TO),
                TextFact.of(execution, SendMailProcess.SUBJECT),
                new String((byte[]) execution.getVariable(SendMailProcess.TEXT_BODY), StandardCharsets.UTF_8),
                new String((byte[]) execution.getVariable(SendMailProcess.HTML_BODY), StandardCharsets.UTF_8));
        delivery.deliver(mail);
        log.sent(mail);
        order.wakeWaitingFor(to, queue);
    }
}
