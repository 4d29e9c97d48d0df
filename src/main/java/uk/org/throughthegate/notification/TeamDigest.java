package uk.org.throughthegate.notification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.notification.Recipients.Recipient;

/**
 * Each team's daily digest: its open tasks that are overdue, due by the end of this week, or new
 * since the previous working day, grouped by case reference, mailed to every member. A team with
 * none gets no mail. Sent once per team, person and day, however often it runs.
 */
@Component
public class TeamDigest {

    private static final Logger LOG = LoggerFactory.getLogger(TeamDigest.class);

    private final TaskService tasks;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final TaskLinks links;
    private final ZoneId zone;

    TeamDigest(TaskService tasks, Recipients recipients, MailTemplates templates, MailOutbox outbox, TaskLinks links,
            ZoneId caseTimeZone) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.zone = caseTimeZone;
    }

    /** Queues today's digests (engine clock); returns how many mails were queued. */
    public int send() {
        LocalDate today = EngineClock.today(zone);
        Date now = Date.from(EngineClock.now());
        Date endOfWeek = Date.from(today.with(DayOfWeek.SUNDAY).plusDays(1).atStartOfDay(zone).toInstant());
        Date since = Date.from(WorkingDays.before(today, 1).atTime(EngineClock.now().atZone(zone).toLocalTime())
                .atZone(zone).toInstant());

        Map<String, Task> relevant = new LinkedHashMap<>();
        tasks.createTaskQuery().dueBefore(endOfWeek).orderByDueDate().asc().list().forEach(t -> relevant.put(t.getId(), t));
        tasks.createTaskQuery().taskCreatedAfter(since).orderByTaskCreateTime().asc().list()
                .forEach(t -> relevant.putIfAbsent(t.getId(), t));

        Map<String, List<Task>> byTeam = new TreeMap<>();
        for (Task task : relevant.values()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    byTeam.computeIfAbsent(link.getGroupId(), g -> new ArrayList<>()).add(task);
                }
            }
        }
        int queued = 0;
        for (var team : byTeam.entrySet()) {
            Map<String, Object> model = model(team.getKey(), team.getValue(), today, now);
            var mail = templates.render("digest", model);
            for (Recipient r : recipients.members(team.getKey()).values()) {
                if (outbox.queue(new OutgoingMail("digest:" + team.getKey() + ":" + today + ":" + r.userId(), null,
                        r.email(), mail.subject(), mail.text(), mail.html()))) {
                    queued++;
                }
            }
        }
        LOG.info("Daily digest of {}: {} mails queued for {} teams", today, queued, byTeam.size());
        return queued;
    }

    private Map<String, Object> model(String team, List<Task> teamTasks, LocalDate today, Date now) {
        Map<String, List<Map<String, Object>>> byCase = new TreeMap<>();
        int overdue = 0;
        int due = 0;
        for (Task task : teamTasks) {
            boolean late = task.getDueDate() != null && task.getDueDate().before(now);
            if (late) {
                overdue++;
            } else if (task.getDueDate() != null) {
                due++;
            }
            Object caseReference = tasks.getVariable(task.getId(), "caseReference");
            Map<String, Object> line = new HashMap<>();
            line.put("name", task.getName());
            line.put("due", task.getDueDate() == null ? "no due date" : links.due(task.getDueDate()));
            line.put("overdue", late);
            line.put("link", links.task(task.getId()));
            byCase.computeIfAbsent(caseReference == null ? "(no case)" : caseReference.toString(), c -> new ArrayList<>())
                    .add(line);
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        byCase.forEach((caseReference, lines) -> cases.add(Map.of("caseReference", caseReference, "tasks", lines)));
        Map<String, Object> model = new HashMap<>();
        model.put("team", team);
        model.put("day", today.toString());
        model.put("cases", cases);
        model.put("overdueCount", overdue);
        model.put("dueCount", due);
        model.put("tasklist", links.tasklist());
        return model;
    }
}
