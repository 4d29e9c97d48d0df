package uk.org.throughthegate.journey.change;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.standards.ConsortiumStandards;
import uk.org.throughthegate.refusal.JourneyChangeRefused;
import uk.org.throughthegate.refusal.SubmittedFields;
import uk.org.throughthegate.journey.JourneyEvent;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.ReferralAccess;
import uk.org.throughthegate.journey.JourneySchedule;

/**
 * A new release date for a child in custody, in two halves. The change process checks the request
 * and who makes it ({@link #accept}), then tells the journey with the "Release date changed"
 * message; the journey's own event sub-process moves its dates ({@link #moveJourney}): the deadline
 * variables, then every timer and every open task's due date re-evaluated from the model's own
 * expressions; work alongside the journey (ROTL requests) hears of it as a JourneyEvent. Both halves
 * derive the new dates from the same {@link #nextDates} so what the change reports is what the
 * journey does.
 */
@Component
public class ReleaseDateChange {

    private final ConsortiumStandards standards;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    ReleaseDateChange(ConsortiumStandards standards, ZoneId caseTimeZone, ApplicationEventPublisher events) {
        this.standards = standards;
        this.zone = caseTimeZone;
        this.events = events;
    }

    public record Moved(String deadline, String from, String to, boolean passed) {
        @Override
        public String toString() {
            return deadline + ": " + from + " -> " + to + (passed ? " (already passed)" : "");
        }
    }

    /** A change the journey will take: its journey, the new date, and what will move. */
    public record Accepted(String journeyId, LocalDate release, List<Moved> moved) {
    }

    /** Checks the request and the person making it; refuses with every reason at once. */
    public Accepted accept(DelegateExecution execution, String user, String caseReference, Object newDate) {
        JourneyFacts journey = JourneyFacts.ofRunning(execution.getProcessEngineServices().getRuntimeService(),
                caseReference).orElse(null);
        LocalDate release = check(caseReference, journey, newDate);
        CaseAccess.requireTeamMember(execution, user, "Release date change", journey.caseTeams());
        LocalDate today = EngineClock.today(zone);
        List<Moved> moved = new ArrayList<>();
        nextDates(journey, release).dates().forEach((name, date) -> {
            LocalDate old = journey.date(name);
            if (!date.equals(old)) {
                moved.add(new Moved(name, String.valueOf(old), date.toString(), date.isBefore(today)));
            }
        });
        return new Accepted(journey.journeyId(), release, moved);
    }

    /** The journey's half, run by its "Release date changed" event sub-process. */
    public void moveJourney(DelegateExecution journey, LocalDate release) {
        ProcessEngineServices engine = journey.getProcessEngineServices();
        JourneyFacts facts = JourneyFacts.of(journey);
        NextDates next = nextDates(facts, release);
        next.dates().forEach((name, date) -> journey.getProcessInstance().setVariable(name, date.toString()));
        journey.getProcessInstance().setVariable(REVIEW_BEFORE_RELEASE, next.reviewBeforeRelease());

        var jobs = engine.getManagementService();
        jobs.createJobQuery().processInstanceId(journey.getProcessInstanceId()).timers().list()
                .forEach(job -> jobs.recalculateJobDuedate(job.getId(), false));
        reevaluateOpenTasks(engine, journey);
        events.publishEvent(new JourneyEvent.ReleaseDateMoved(journey.getProcessBusinessKey(), release));
    }

    /** The journey's dates after a change: release, every deadline set from it, the next review. */
    record NextDates(Map<String, LocalDate> dates, boolean reviewBeforeRelease) {
    }

    NextDates nextDates(JourneyFacts journey, LocalDate release) {
        var schedule = new JourneySchedule(standards.standardsFor(journey.consortium()));
        Map<String, LocalDate> next = new LinkedHashMap<>();
        next.put(RELEASE_DATE, release);
        next.putAll(schedule.deadlinesFromRelease(release));
        boolean beforeRelease = journey.reviewBeforeRelease()
                || !journey.nextReviewDue().isBefore(schedule.preReleaseReviewDue(release));
        if (beforeRelease) {
            next.put(NEXT_REVIEW_DUE, schedule.preReleaseReviewDue(release));
        }
        return new NextDates(next, beforeRelease);
    }

    private LocalDate check(String reference, JourneyFacts journey, Object newDate) {
        var fields = new SubmittedFields(newDate == null ? Map.of() : Map.of(RELEASE_DATE, newDate), zone);
        if (journey == null) {
            fields.refuse(CASE_REFERENCE, "'" + reference + "' has no running journey");
        } else if (!journey.inCustody()) {
            fields.refuse(CASE_REFERENCE, "'" + reference + "' has already been released");
        }
        LocalDate release = fields.date(RELEASE_DATE);
        if (release != null && journey != null) {
            LocalDate today = EngineClock.today(zone);
            LocalDate licenceEnd = journey.licenceEndDate();
            if (release.isBefore(today)) {
                fields.refuse(RELEASE_DATE, release + " is in the past");
            }
            if (!release.isBefore(licenceEnd)) {
                fields.refuse(RELEASE_DATE, release + " is not before the licence end date " + licenceEnd);
            }
            if (release.equals(journey.releaseDate())) {
                fields.refuse(RELEASE_DATE, release + " is already the release date");
            }
        }
        if (fields.refused()) {
            throw new JourneyChangeRefused("Release date change", fields.errors()).forCase(reference);
        }
        return release;
    }

    /**
     * Every open task of the journey gets the due date its model now gives it: the task's own
     * {@code camunda:dueDate} expression is evaluated again on its execution, whatever it says; a
     * referral's copy of the Tasklist columns follows the journey's facts.
     */
    private static void reevaluateOpenTasks(ProcessEngineServices engine, DelegateExecution journey) {
        var tasks = engine.getTaskService();
        for (var task : tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId()).list()) {
            ReferralAccess.refreshColumns(tasks, journey.getProcessInstance(), task);
            TaskEntity entity = (TaskEntity) task;
            Expression dueDate = entity.getTaskDefinition() == null ? null : entity.getTaskDefinition().getDueDateExpression();
            if (dueDate == null) {
                continue;
            }
            Object due = dueDate.getValue(entity.getExecution());
            Date next = due instanceof Date date ? date : due == null ? null : DateTimeUtil.parseDate(due.toString());
            if (next != null && !next.equals(task.getDueDate())) {
                task.setDueDate(next);
                tasks.saveTask(task);
            }
        }
    }
}
