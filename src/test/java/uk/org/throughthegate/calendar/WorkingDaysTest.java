package uk.org.throughthegate.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.calendar.BankHolidaysTest.d;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void tenWorkingDaysAfterAFridaySkipWeekends() {
        assertThat(WorkingDays.after(d("2026-11-20"), 10)).isEqualTo(d("2026-12-04"));
    }

    @Test
    void tenWorkingDaysAfterTheFridayBeforeChristmasSkipChristmasBoxingDayAndNewYear() {
        assertThat(WorkingDays.after(d("2026-12-18"), 10)).isEqualTo(d("2027-01-06"));
    }

    @Test
    void tenWorkingDaysBeforeTheThursdayAfterEasterSkipGoodFridayAndEasterMonday() {
        assertThat(WorkingDays.before(d("2027-04-01"), 10)).isEqualTo(d("2027-03-16"));
    }

    @Test
    void zeroWorkingDaysIsTheDayItself() {
        assertThat(WorkingDays.after(d("2026-12-25"), 0)).isEqualTo(d("2026-12-25"));
    }

    @Test
    void aNegativeNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> WorkingDays.after(d("2026-12-01"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
