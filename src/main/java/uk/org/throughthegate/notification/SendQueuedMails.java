package uk.org.throughthegate.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A sending job as steps made them until 2026-12-07, one per step that queued mails; now the outbox's
 * sender sends without a job ({@link OutboxSender}). Kept so that such a job still waiting when the
 * service is upgraded runs: it sends what is waiting in the outbox, as the sender does, taking only
 * mails no sender holds, so none goes twice.
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
        sending.getObject().sendWaiting(OutboxSender.PAGE);
    }
}
