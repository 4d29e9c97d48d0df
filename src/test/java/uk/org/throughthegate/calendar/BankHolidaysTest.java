package uk.org.throughthegate.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    @Test
    void englandAndWales2026MatchesThePublishedList() {
        assertThat(BankHolidays.inYear(2026)).containsExactly(
                d("2026-01-01"), d("2026-04-03"), d("2026-04-06"), d("2026-05-04"), d("2026-05-25"),
                d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
    }

    @Test
    void christmasAndBoxingDayAtAWeekendMoveToTheFollowingWeekdays() {
        assertThat(BankHolidays.inYear(2027)).contains(d("2027-12-27"), d("2027-12-28"))
                .doesNotContain(d("2027-12-25"), d("2027-12-26"));
    }

    @Test
    void newYearsDayOnASaturdayIsHeldOnMonday() {
        assertThat(BankHolidays.isBankHoliday(d("2028-01-03"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2028-01-01"))).isFalse();
    }

    @Test
    void proclaimedDaysReplaceOrAddToTheStandingRules() {
        assertThat(BankHolidays.inYear(2022)).contains(d("2022-06-02"), d("2022-06-03"), d("2022-09-19"))
                .doesNotContain(d("2022-05-30"));
        assertThat(BankHolidays.inYear(2023)).contains(d("2023-05-08"));
        assertThat(BankHolidays.inYear(2020)).contains(d("2020-05-08")).doesNotContain(d("2020-05-04"));
    }

    @Test
    void easterFollowsTheGregorianComputus() {
        assertThat(BankHolidays.easterSunday(2024)).isEqualTo(d("2024-03-31"));
        assertThat(BankHolidays.easterSunday(2027)).isEqualTo(d("2027-03-28"));
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo(d("2038-04-25"));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
