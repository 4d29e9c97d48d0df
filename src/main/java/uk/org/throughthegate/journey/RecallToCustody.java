package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.journey.InputRefused.FieldError;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * Sends a released child's journey back to custody after a recall or a breach decision: what runs
 * on licence stops (supervision, release-day contact, exit, feedback), the deadlines are set from
 * the new release date, and the journey runs again from custody: reviews, handover, release,
 * licence and exit, with the needs assessment, pathways and plan reviewed alongside.
 */
@Component
public class RecallToCustody {

    /** What a journey runs after release; all of it stops on a return to custody. */
    static final Set<String> LICENCE_STAGE = Set.of("Task_CloseOpenRotlRequests", "Task_ReleaseDayContact",
            "Task_FollowUpLateReleaseDayContact", "Gateway_LicenceBegins", "SubProcess_Supervision", "Timer_LicenceEnds",
            "Task_AgreeExitPlan", "SubProcess_TaperedExit", "SubProcess_Feedback", "Gateway_ReadyToClose",
            "Task_CloseJourney");
    /** The planning track; if it is still running, it is not started a second time. */
    static final Set<String> PLANNING = Set.of("Task_RecordConsent", "Task_HoldInitialPlanningMeeting", "Task_AssessNeeds",
            "SubProcess_AccommodationPathway", "SubProcess_EtePathway", "Task_ArrangeHealthSupport",
            "Task_ArrangeSubstanceMisuseSupport", "Task_ArrangeFamilySupport", "Task_ArrangeFinanceAndId",
            "Task_PlanCaseManagement", "Gateway_PathwaysPlanned", "Task_AgreeResettlementPlan");
    static final Set<String> REASONS = Set.of("recall", "breach");
    public static final String RETURNS_TO_CUSTODY = "returnsToCustody";
    public static final String LAST_RETURN_REASON = "lastReturnToCustodyReason";

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    RecallToCustody(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    public record Request(String caseReference, String reason, Object newReleaseDate, Object newLicenceEndDate) {
    }

    public void apply(DelegateExecution execution, String user, Request request) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        ProcessInstance journey = RunningJourney.of(runtime, request.caseReference());
        Map<String, Object> facts = journey == null ? Map.of() : runtime.getVariables(journey.getId());
        Dates dates = check(request, journey, facts);
        CaseAccess.requireTeamMember(execution, user, "Return to custody", (String) facts.get(YOT_TEAM),
                (String) facts.get(CUSTODY_TEAM), (String) facts.get(PM_TEAM));

        LocalDate today = EngineClock.today(zone);
        var schedule = new JourneySchedule(standards.standardsFor((String) facts.get(CONSORTIUM)));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put(RELEASE_DATE, dates.release().toString());
        next.put(LICENCE_END_DATE, dates.licenceEnd().toString());
        next.putAll(schedule.deadlinesFromRelease(dates.release()));
        JourneySchedule.Review review = schedule.nextReview(LocalDate.parse((String) facts.get(SENTENCE_DATE)), today,
                dates.release());
        next.put(NEXT_REVIEW_DUE, review.due().toString());
        next.put(REVIEW_BEFORE_RELEASE, review.beforeRelease());
        next.put(IN_CUSTODY, true);
        next.put(RETURNS_TO_CUSTODY, ((Number) facts.getOrDefault(RETURNS_TO_CUSTODY, 0)).intValue() + 1);
        next.put(LAST_RETURN_REASON, request.reason());
        runtime.setVariables(journey.getId(), next);

        var modification = runtime.createProcessInstanceModification(journey.getId());
        boolean planning = false;
        for (ActivityInstance running : runtime.getActivityInstance(journey.getId()).getChildActivityInstances()) {
            String activity = running.getActivityId().replace("#multiInstanceBody", "");
            if (LICENCE_STAGE.contains(activity)) {
                modification.cancelActivityInstance(running.getId());
            }
            planning |= PLANNING.contains(activity);
        }
        modification.startBeforeActivity("SubProcess_Custody");
        if (!planning) {
            modification.startBeforeActivity("Task_AssessNeeds");
        }
        modification.execute();
    }

    private Dates check(Request request, ProcessInstance journey, Map<String, Object> facts) {
        List<FieldError> errors = new ArrayList<>();
        if (journey == null) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + request.caseReference() + "' has no running journey"));
        } else if (Boolean.TRUE.equals(facts.get(IN_CUSTODY))) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + request.caseReference()
                    + "' is in custody: change the release date instead"));
        }
        if (request.reason() == null || !REASONS.contains(request.reason())) {
            errors.add(new FieldError("recallReason", "must be one of " + REASONS.stream().sorted().toList()
                    + ", not '" + request.reason() + "'"));
        }
        LocalDate release = date(request.newReleaseDate(), "newReleaseDate", true, errors);
        LocalDate licenceEnd = date(request.newLicenceEndDate(), "newLicenceEndDate", false, errors);
        if (journey != null && licenceEnd == null) {
            licenceEnd = LocalDate.parse((String) facts.get(LICENCE_END_DATE));
        }
        LocalDate today = EngineClock.today(zone);
        if (journey != null && !Boolean.TRUE.equals(facts.get(IN_CUSTODY))
                && !today.isBefore(LocalDate.parse((String) facts.get(LICENCE_END_DATE)))) {
            errors.add(new FieldError(CASE_REFERENCE, "the licence of '" + request.caseReference() + "' ended on "
                    + facts.get(LICENCE_END_DATE) + ": there is nothing to recall from"));
        }
        if (release != null && !release.isAfter(today)) {
            errors.add(new FieldError("newReleaseDate", release + " is not after today (" + today + ")"));
        }
        if (release != null && licenceEnd != null && !release.isBefore(licenceEnd)) {
            errors.add(new FieldError(request.newLicenceEndDate() == null ? "newReleaseDate" : "newLicenceEndDate",
                    "the new release date " + release + " is not before the licence end date " + licenceEnd));
        }
        if (!errors.isEmpty()) {
            throw new JourneyChangeRefused("Return to custody", errors);
        }
        return new Dates(release, licenceEnd);
    }

    private static LocalDate date(Object value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.toString().isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return TypedDate.parse(value.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private record Dates(LocalDate release, LocalDate licenceEnd) {
    }
}
