package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.LicencePeriodTest.d;

import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.standards.Standards;

class JourneyScheduleTest {

    static final Standards DEFAULTS = new Standards(10, Period.ofWeeks(2), true, 10, Period.ofMonths(3), 10, 10, 10,
            12, Period.ofWeeks(1), Period.ofWeeks(2), List.of(2, 6, 12), List.of(1, 3), 4, 10, 14);

    final JourneySchedule schedule = new JourneySchedule(DEFAULTS);

    @Test
    void reviewsFallEveryThreeMonthsFromSentenceThenOnceBeforeRelease() {
        var sentence = d("2026-01-15");
        var release = d("2026-12-15");
        var first = schedule.nextReview(sentence, sentence, release);
        assertThat(first).isEqualTo(new JourneySchedule.Review(d("2026-04-15"), false));
        var second = schedule.nextReview(sentence, first.due(), release);
        assertThat(second.due()).isEqualTo(d("2026-07-15"));
        var third = schedule.nextReview(sentence, second.due(), release);
        assertThat(third.due()).isEqualTo(d("2026-10-15"));
        var last = schedule.nextReview(sentence, third.due(), release);
        assertThat(last).isEqualTo(new JourneySchedule.Review(d("2026-12-01"), true));
    }

    @Test
    void aShortSentenceHasOnlyTheReviewBeforeRelease() {
        var review = schedule.nextReview(d("2026-12-18"), d("2026-12-18"), d("2027-02-18"));
        assertThat(review.beforeRelease()).isTrue();
        assertThat(review.due()).isEqualTo(d("2027-02-04"));
    }

    @Test
    void supervisionIsWeeklyForTwelveWeeksThenFortnightlyToLicenceEnd() {
        var dates = schedule.supervisionAppointments(d("2027-04-01"), d("2027-08-18"));
        assertThat(dates).hasSize(15);
        assertThat(dates.get(0)).isEqualTo(d("2027-04-08"));
        assertThat(dates.get(11)).isEqualTo(d("2027-06-24"));
        assertThat(dates.subList(12, 15)).containsExactly(d("2027-07-08"), d("2027-07-22"), d("2027-08-05"));
    }

    @Test
    void aShortLicenceEndsSupervisionAtLicenceEnd() {
        assertThat(schedule.supervisionAppointments(d("2027-01-01"), d("2027-01-20")))
                .containsExactly(d("2027-01-08"), d("2027-01-15"));
    }

    @Test
    void taperedExitAndFeedbackFollowTheirStandards() {
        assertThat(schedule.exitCheckIns(d("2027-08-18")))
                .containsExactly(d("2027-09-01"), d("2027-09-29"), d("2027-11-10"));
        assertThat(schedule.feedbackDates(d("2027-04-01"))).containsExactly(d("2027-05-01"), d("2027-07-01"));
    }

    @Test
    void accommodationIsDueTheLeadTimeBeforeRelease() {
        var sixWeeks = new JourneySchedule(new Standards(10, Period.ofWeeks(6), true, 10, Period.ofMonths(3), 10, 10,
                10, 12, Period.ofWeeks(1), Period.ofWeeks(2), List.of(), List.of(), 4, 10, 14));
        assertThat(sixWeeks.accommodationDue(d("2027-04-01"))).isEqualTo(d("2027-02-18"));
    }
}
