package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.journey.InputRefused.FieldError;
import uk.org.throughthegate.rotl.RotlProcess;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * Moves a journey's release date and everything that follows from it, at once: the deadline
 * variables, the timers waiting on them (re-evaluated, never duplicated), the due dates of open
 * tasks, and the ROTL requests that would now fall after release.
 */
@Component
public class ReleaseDateChange {

    /** A task's due date written as the models write it: {@code ${deadlines.dueAt(someDate)}}. */
    static final Pattern DUE_AT = Pattern.compile("\\$\\{deadlines\\.dueAt\\((\\w+)\\)}");

    private final ConsortiumStandards standards;
    private final Deadlines deadlines;
    private final ZoneId zone;

    ReleaseDateChange(ConsortiumStandards standards, Deadlines deadlines, ZoneId caseTimeZone) {
        this.standards = standards;
        this.deadlines = deadlines;
        this.zone = caseTimeZone;
    }

    public record Moved(String deadline, String from, String to, boolean passed) {
        @Override
        public String toString() {
            return deadline + ": " + from + " -> " + to + (passed ? " (already passed)" : "");
        }
    }

    public List<Moved> apply(DelegateExecution execution, String user, String caseReference, Object newDate) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        var runtime = engine.getRuntimeService();
        ProcessInstance journey = RunningJourney.of(runtime, caseReference);
        Map<String, Object> facts = journey == null ? Map.of() : runtime.getVariables(journey.getId());
        LocalDate release = check(caseReference, journey, facts, newDate);
        CaseAccess.requireTeamMember(execution, user, "Release date change", (String) facts.get(YOT_TEAM),
                (String) facts.get(CUSTODY_TEAM), (String) facts.get(PM_TEAM));

        var schedule = new JourneySchedule(standards.standardsFor((String) facts.get(CONSORTIUM)));
        Map<String, String> next = new LinkedHashMap<>();
        next.put(RELEASE_DATE, release.toString());
        next.putAll(schedule.deadlinesFromRelease(release));
        LocalDate nextReview = LocalDate.parse((String) facts.get(NEXT_REVIEW_DUE));
        boolean beforeRelease = Boolean.TRUE.equals(facts.get(REVIEW_BEFORE_RELEASE))
                || !nextReview.isBefore(schedule.preReleaseReviewDue(release));
        if (beforeRelease) {
            next.put(NEXT_REVIEW_DUE, schedule.preReleaseReviewDue(release).toString());
        }

        LocalDate today = EngineClock.today(zone);
        List<Moved> moved = new ArrayList<>();
        next.forEach((name, value) -> {
            Object old = facts.get(name);
            if (!value.equals(old)) {
                moved.add(new Moved(name, String.valueOf(old), value, LocalDate.parse(value).isBefore(today)));
            }
        });
        runtime.setVariables(journey.getId(), new LinkedHashMap<>(next));
        runtime.setVariable(journey.getId(), REVIEW_BEFORE_RELEASE, beforeRelease);

        var jobs = engine.getManagementService();
        jobs.createJobQuery().processInstanceId(journey.getId()).timers().list()
                .forEach(job -> jobs.recalculateJobDuedate(job.getId(), false));
        moveOpenTaskDueDates(engine, journey.getId());
        closeRotlRequestsOnOrAfter(engine, caseReference, release);
        return moved;
    }

    private LocalDate check(String reference, ProcessInstance journey, Map<String, Object> facts, Object newDate) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate release = null;
        if (journey == null) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has no running journey"));
        } else if (!Boolean.TRUE.equals(facts.get(IN_CUSTODY))) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has already been released"));
        }
        try {
            release = newDate == null ? null : TypedDate.parse(newDate.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(RELEASE_DATE, e.getMessage()));
        }
        if (newDate == null) {
            errors.add(new FieldError(RELEASE_DATE, "is required"));
        }
        if (release != null && journey != null) {
            LocalDate today = EngineClock.today(zone);
            LocalDate licenceEnd = LocalDate.parse((String) facts.get(LICENCE_END_DATE));
            if (release.isBefore(today)) {
                errors.add(new FieldError(RELEASE_DATE, release + " is in the past"));
            }
            if (!release.isBefore(licenceEnd)) {
                errors.add(new FieldError(RELEASE_DATE, release + " is not before the licence end date " + licenceEnd));
            }
            if (release.toString().equals(facts.get(RELEASE_DATE))) {
                errors.add(new FieldError(RELEASE_DATE, release + " is already the release date"));
            }
        }
        if (!errors.isEmpty()) {
            throw new JourneyChangeRefused("Release date change", errors);
        }
        return release;
    }

    /** Open tasks whose due date the model derives from a journey date get the new date. */
    private void moveOpenTaskDueDates(ProcessEngineServices engine, String journeyId) {
        var tasks = engine.getTaskService();
        var runtime = engine.getRuntimeService();
        for (var task : tasks.createTaskQuery().processInstanceId(journeyId).list()) {
            UserTask model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            Matcher due = model.getCamundaDueDate() == null ? null : DUE_AT.matcher(model.getCamundaDueDate());
            if (due != null && due.matches()) {
                Object date = runtime.getVariable(task.getExecutionId(), due.group(1));
                if (date != null) {
                    task.setDueDate(deadlines.dueAt(date.toString()));
                    tasks.saveTask(task);
                }
            }
        }
    }

    private void closeRotlRequestsOnOrAfter(ProcessEngineServices engine, String caseReference, LocalDate release) {
        var runtime = engine.getRuntimeService();
        for (var request : runtime.createProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY)
                .processInstanceBusinessKey(caseReference).list()) {
            Object proposed = runtime.getVariable(request.getId(), RotlProcess.PROPOSED_DATE);
            if (proposed != null && !LocalDate.parse(proposed.toString()).isBefore(release)) {
                runtime.createMessageCorrelation(RotlProcess.OVERTAKEN_BY_RELEASE)
                        .processInstanceId(request.getId()).correlate();
            }
        }
    }
}
