package uk.org.throughthegate.standards;

import java.time.Period;
import java.util.Arrays;
import java.util.List;

/**
 * One consortium's standards as the process owner set them in {@code consortium-standards.dmn}.
 * Periods are ISO-8601 ({@code P6W}, {@code P1M}); lists are comma-separated numbers.
 */
public record Standards(
        int ipmWorkingDays,
        Period accommodationLead,
        boolean temporaryAccommodationAccepted,
        int handoverWorkingDays,
        Period reviewInterval,
        int preReleaseReviewWorkingDays,
        int taskNoticeWorkingDays,
        int rotlDecisionWorkingDays,
        int supervisionIntensiveWeeks,
        Period supervisionIntensiveInterval,
        Period supervisionInterval,
        List<Integer> exitCheckInWeeks,
        List<Integer> feedbackMonths,
        int homelessnessAssessmentWeeks,
        int firstReviewAfterReleaseWorkingDays,
        int custodyContactIntervalDays) {

    public static List<Integer> numbers(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
