package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.standards.Standards;

/**
 * Every date of a journey, computed from the case's own dates and its consortium's standards.
 * Plain Java: the delegates and timer expressions call it, and it is tested without the engine.
 */
public class JourneySchedule {

    private final Standards standards;

    public JourneySchedule(Standards standards) {
        this.standards = standards;
    }

    public LocalDate initialPlanningMeetingDue(LocalDate sentenceDate) {
        return WorkingDays.after(sentenceDate, standards.ipmWorkingDays());
    }

    public LocalDate accommodationDue(LocalDate releaseDate) {
        return releaseDate.minus(standards.accommodationLead());
    }

    public LocalDate handoverDue(LocalDate releaseDate) {
        return WorkingDays.before(releaseDate, standards.handoverWorkingDays());
    }

    /**
     * The home local authority assesses homelessness early in the sentence, while the child is in
     * custody, so that the accommodation proposal starts from its outcome.
     */
    public LocalDate homelessnessAssessmentDue(LocalDate sentenceDate) {
        return sentenceDate.plusWeeks(standards.homelessnessAssessmentWeeks());
    }

    /** The first review after release, to which the custody team is invited and records its part. */
    public LocalDate firstReviewAfterReleaseDue(LocalDate releaseDate) {
        return WorkingDays.after(releaseDate, standards.firstReviewAfterReleaseWorkingDays());
    }

    /** Contact in custody: at least every so many days since the last (or since sentence). */
    public LocalDate custodyContactDue(LocalDate lastContact) {
        return lastContact.plusDays(standards.custodyContactIntervalDays());
    }

    /** ETE must be confirmed in time to go into the handover pack. */
    public LocalDate eteDue(LocalDate releaseDate) {
        return handoverDue(releaseDate);
    }

    public LocalDate preReleaseReviewDue(LocalDate releaseDate) {
        return WorkingDays.before(releaseDate, standards.preReleaseReviewWorkingDays());
    }

    /** The day a task for a meeting or deadline opens: some working days before it is due. */
    public LocalDate opens(LocalDate due) {
        return WorkingDays.before(due, standards.taskNoticeWorkingDays());
    }

    /** Every deadline that follows from the release date, by variable name. */
    public Map<String, LocalDate> deadlinesFromRelease(LocalDate releaseDate) {
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        deadlines.put(JourneyProcess.ACCOMMODATION_DUE, accommodationDue(releaseDate));
        deadlines.put(JourneyProcess.ETE_DUE, eteDue(releaseDate));
        deadlines.put(JourneyProcess.HANDOVER_DUE, handoverDue(releaseDate));
        deadlines.put(JourneyProcess.PRE_RELEASE_REVIEW_DUE, preReleaseReviewDue(releaseDate));
        return deadlines;
    }

    /**
     * The review after {@code lastReview} (or the first, when it is the sentence date): every
     * review interval from sentence, and always one before release, which is the last.
     */
    public Review nextReview(LocalDate sentenceDate, LocalDate lastReview, LocalDate releaseDate) {
        LocalDate preRelease = preReleaseReviewDue(releaseDate);
        Period interval = standards.reviewInterval();
        LocalDate candidate = sentenceDate.plus(interval);
        for (int k = 2; !candidate.isAfter(lastReview); k++) {
            candidate = sentenceDate.plus(interval.multipliedBy(k));
        }
        return candidate.isBefore(preRelease) ? new Review(candidate, false) : new Review(preRelease, true);
    }

    /** Weekly (by default) for the intensive weeks after release, then fortnightly to licence end. */
    public List<LocalDate> supervisionAppointments(LocalDate releaseDate, LocalDate licenceEnd) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate intensiveEnd = releaseDate.plusWeeks(standards.supervisionIntensiveWeeks());
        LocalDate d = releaseDate.plus(standards.supervisionIntensiveInterval());
        while (!d.isAfter(intensiveEnd) && !d.isAfter(licenceEnd)) {
            dates.add(d);
            d = d.plus(standards.supervisionIntensiveInterval());
        }
        LocalDate last = dates.isEmpty() ? releaseDate : dates.get(dates.size() - 1);
        d = last.plus(standards.supervisionInterval());
        while (!d.isAfter(licenceEnd)) {
            dates.add(d);
            d = d.plus(standards.supervisionInterval());
        }
        return dates;
    }

    public List<LocalDate> exitCheckIns(LocalDate licenceEnd) {
        return standards.exitCheckInWeeks().stream().map(licenceEnd::plusWeeks).toList();
    }

    public List<LocalDate> feedbackDates(LocalDate releaseDate) {
        return standards.feedbackMonths().stream().map(releaseDate::plusMonths).toList();
    }

    public record Review(LocalDate due, boolean beforeRelease) {
    }
}
