package uk.org.throughthegate.notification;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The sending step of {@code send-mail}. A failure (mail server down) fails the job, which is retried. */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

    private final MailDelivery delivery;

    SendMailDelegate(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(new OutgoingMail(
                (String) execution.getVariable("mailKey"),
                (String) execution.getVariable("caseReference"),
                (String) execution.getVariable("to"),
                (String) execution.getVariable("subject"),
                new String((byte[]) execution.getVariable("textBody"), StandardCharsets.UTF_8),
                new String((byte[]) execution.getVariable("htmlBody"), StandardCharsets.UTF_8)));
    }
}
