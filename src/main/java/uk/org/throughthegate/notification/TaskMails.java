package uk.org.throughthegate.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.notification.Recipients.Recipient;
import uk.org.throughthegate.model.ProcessKey;

/**
 * A new task is mailed to the people who can work it (those who chose the daily digest read it
 * there instead); a task given to someone by another person is mailed to them. The mails are
 * queued in the task's own transaction and sent after it commits (see MailOutbox).
 */
@Component
class TaskMails {

    private static final Logger LOG = LoggerFactory.getLogger(TaskMails.class);

    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final TaskLinks links;

    TaskMails(Recipients recipients, MailTemplates templates, MailOutbox outbox, TaskLinks links) {
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        List<Recipient> immediate = recipients.ofTask(task.getCandidates(), task.getAssignee()).values().stream()
                .filter(r -> r.preference() == MailDeliveryPreference.IMMEDIATE).toList();
        queue(task, immediate, "new-task");
    }

    @EventListener(condition = "#task.eventName == 'assignment'")
    public void onAssignment(DelegateTask task) {
        String assignee = task.getAssignee();
        String byWhom = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        if (assignee == null || assignee.equals(byWhom)) {
            return; // claiming a task yourself needs no mail
        }
        Recipient r = recipients.ofTask(List.of(), assignee).get(assignee);
        if (r != null) {
            queue(task, List.of(r), "assigned");
        }
    }

    /** One mail to each of {@code to}, rendered once: what a mail about a task says is the same for everyone. */
    private void queue(DelegateTask task, List<Recipient> to, String kind) {
        if (to.isEmpty()) {
            return;
        }
        String caseReference = String.valueOf(task.getVariable("caseReference"));
        Map<String, Object> model = links.aboutTask(task.getId(), task.getName(), caseReference, task.getDueDate());
        model.put("kind", kind);
        boolean escalation = DeadlineEscalationProcess.KEY.equals(ProcessKey.of(task));
        if (escalation) {
            model.put("lateTaskName", task.getVariable("watchedTaskName"));
            model.put("lateDue", task.getVariable(DeadlineEscalationProcess.DUE_TEXT));
        }
        MailTemplates.Rendered mail;
        try {
            mail = templates.render(escalation ? "escalation" : "new-task", model);
        } catch (RuntimeException e) {
            // A broken template must not stop the workflow step; the task is there, the mail is not.
            LOG.error("Mail about task {} of case {} could not be rendered; not sent", task.getId(), caseReference, e);
            return;
        }
        outbox.queueAll(to.stream().map(r -> new OutgoingMail(kind + ":" + task.getId() + ":" + r.userId(), caseReference,
                r.email(), mail.subject(), mail.text(), mail.html())).toList());
    }
}
