package uk.org.throughthegate.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The job that sends the mails one transaction queued ({@link MailOutbox}), run by the job executor
 * after that transaction commits. It belongs to no process instance: if it fails as a whole (the
 * database went away), the job executor retries it and its mails stay in the outbox meanwhile.
 */
@Component
class SendQueuedMails extends JobKindPlugin {

    static final String TYPE = "ttg-send-queued-mails";

    /** The sending is done by beans that need the engine this plugin configures: asked for when a job runs. */
    private final ObjectProvider<OutboxSending> sending;

    SendQueuedMails(ObjectProvider<OutboxSending> sending) {
        this.sending = sending;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Key configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        sending.getObject().send(configuration.id());
    }
}
