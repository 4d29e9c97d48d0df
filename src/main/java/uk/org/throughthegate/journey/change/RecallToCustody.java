package uk.org.throughthegate.journey.change;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.standards.ConsortiumStandards;
import uk.org.throughthegate.refusal.JourneyChangeRefused;
import uk.org.throughthegate.refusal.SubmittedFields;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneySchedule;

/**
 * A released child back in custody after a recall or a breach decision, in two halves. The
 * recall process checks the request and who makes it ({@link #accept}) and tells the journey with
 * the "Returned to custody" message; the journey's model does the rest: its licence stage is
 * interrupted, {@link #returnJourney} sets the dates from the new release date, and the journey
 * runs again from custody, with the needs assessment reopened if the plan had been agreed.
 */
@Component
public class RecallToCustody {

    static final Set<String> REASONS = Set.of("recall", "breach");

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    RecallToCustody(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    public record Request(String caseReference, String reason, Object newReleaseDate, Object newLicenceEndDate) {
    }

    /** A return the journey will take: its journey and the checked dates. */
    public record Accepted(String journeyId, String reason, LocalDate release, LocalDate licenceEnd) {
    }

    /** Checks the request and the person making it; refuses with every reason at once. */
    public Accepted accept(DelegateExecution execution, String user, Request request) {
        JourneyFacts journey = JourneyFacts.ofRunning(execution.getProcessEngineServices().getRuntimeService(),
                request.caseReference()).orElse(null);
        Dates dates = check(request, journey);
        CaseAccess.requireTeamMember(execution, user, "Return to custody", journey.caseTeams());
        return new Accepted(journey.journeyId(), request.reason(), dates.release(), dates.licenceEnd());
    }

    /** The journey's half, run by its "Set the dates of the return to custody" step. */
    public void returnJourney(DelegateExecution journey, LocalDate release, LocalDate licenceEnd) {
        LocalDate today = EngineClock.today(zone);
        JourneyFacts facts = JourneyFacts.of(journey);
        var schedule = new JourneySchedule(standards.standardsFor(facts.consortium()));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put(RELEASE_DATE, release.toString());
        next.put(LICENCE_END_DATE, licenceEnd.toString());
        schedule.deadlinesFromRelease(release).forEach((name, day) -> next.put(name, day.toString()));
        JourneySchedule.Review review = schedule.nextReview(facts.sentenceDate(), today, release);
        next.put(NEXT_REVIEW_DUE, review.due().toString());
        next.put(REVIEW_BEFORE_RELEASE, review.beforeRelease());
        next.put(IN_CUSTODY, true);
        next.put(RETURNS_TO_CUSTODY, facts.returnsToCustody() + 1);
        journey.getProcessInstance().setVariables(next);
    }

    private Dates check(Request request, JourneyFacts journey) {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put(RecallProcess.REASON, request.reason());
        submitted.put(RecallProcess.NEW_RELEASE_DATE, request.newReleaseDate());
        submitted.put(RecallProcess.NEW_LICENCE_END_DATE, request.newLicenceEndDate());
        var fields = new SubmittedFields(submitted, zone);
        if (journey == null) {
            fields.refuse(CASE_REFERENCE, "'" + request.caseReference() + "' has no running journey");
        } else if (journey.inCustody()) {
            fields.refuse(CASE_REFERENCE, "'" + request.caseReference() + "' is in custody: change the release date instead");
        }
        if (request.reason() == null || !REASONS.contains(request.reason())) {
            fields.refuse(RecallProcess.REASON, "must be one of " + REASONS.stream().sorted().toList()
                    + ", not '" + request.reason() + "'");
        }
        LocalDate release = fields.date(RecallProcess.NEW_RELEASE_DATE);
        LocalDate licenceEnd = fields.optionalDate(RecallProcess.NEW_LICENCE_END_DATE);
        boolean licenceEndGiven = !fields.isBlank(RecallProcess.NEW_LICENCE_END_DATE);
        if (journey != null && !licenceEndGiven) {
            licenceEnd = journey.licenceEndDate();
        }
        LocalDate today = EngineClock.today(zone);
        if (journey != null && !journey.inCustody() && !today.isBefore(journey.licenceEndDate())) {
            fields.refuse(CASE_REFERENCE, "the licence of '" + request.caseReference() + "' ended on "
                    + journey.licenceEndDate() + ": there is nothing to recall from");
        }
        if (release != null && !release.isAfter(today)) {
            fields.refuse(RecallProcess.NEW_RELEASE_DATE, release + " is not after today (" + today + ")");
        }
        if (release != null && licenceEnd != null && !release.isBefore(licenceEnd)) {
            fields.refuse(licenceEndGiven ? RecallProcess.NEW_LICENCE_END_DATE : RecallProcess.NEW_RELEASE_DATE,
                    "the new release date " + release + " is not before the licence end date " + licenceEnd);
        }
        if (fields.refused()) {
            throw new JourneyChangeRefused("Return to custody", fields.errors()).forCase(request.caseReference());
        }
        return new Dates(release, licenceEnd);
    }

    private record Dates(LocalDate release, LocalDate licenceEnd) {
    }
}
