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
                (String) execution.getVariable(SendMailProcess.MAIL_KEY),
                (String) execution.getVariable(SendMailProcess.CASE_REFERENCE),
                (String) execution.getVariable(SendMailProcess.TO),
                (String) execution.getVariable(SendMailProcess.SUBJECT),
                new String((byte[]) execution.getVariable(SendMailProcess.TEXT_BODY), StandardCharsets.UTF_8),
                new String((byte[]) execution.getVariable(SendMailProcess.HTML_BODY), StandardCharsets.UTF_8)));
    }
}
