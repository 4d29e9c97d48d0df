package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.notification.Recipients.Recipient;

/**
 * Reminds the people who can work a task, whatever mail setting they chose, that it falls due
 * soon. Reads the task's people now, not when it opened: a transfer may have moved it. A task
 * already overdue when its watch starts gets no reminder; the ladder follows at once.
 */
@Component("sendDeadlineReminder")
class SendDeadlineReminderDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final TaskLinks links;

    SendDeadlineReminderDelegate(TaskService tasks, Recipients recipients, MailTemplates templates, MailOutbox outbox,
            TaskLinks links) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskId = TextFact.of(execution, WATCHED_TASK_ID);
        Date due = (Date) execution.getVariable(DUE_AT);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !EngineClock.now().isBefore(due.toInstant())) {
            return;
        }
        String caseReference = execution.getProcessBusinessKey();
        var mail = templates.render("reminder", links.aboutTask(taskId, task.getName(), caseReference, due));
        List<OutgoingMail> reminders = new ArrayList<>();
        for (Recipient r : recipients.ofTask(tasks.getIdentityLinksForTask(taskId), task.getAssignee()).values()) {
            reminders.add(new OutgoingMail("reminder:" + taskId + ":" + due.toInstant() + ":" + r.userId(),
                    caseReference, r.email(), mail.subject(), mail.text(), mail.html()));
        }
        outbox.queueAll(reminders);
    }
}
