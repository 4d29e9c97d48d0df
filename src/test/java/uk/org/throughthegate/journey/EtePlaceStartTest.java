package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EtePlaceStartTest {

    /** Christmas Day is a Friday; Boxing Day, a Saturday, is taken on Monday 28 December. */
    static final LocalDate CHRISTMAS_EVE_2026 = LocalDate.of(2026, 12, 24);

    @Test
    void aPlaceStartingTheNextWorkingDayLeavesNoGapEvenOverChristmas() {
        assertThat(EtePlaceStart.leavesAGap(LocalDate.of(2026, 12, 29), CHRISTMAS_EVE_2026)).isFalse();
        assertThat(EtePlaceStart.leavesAGap(LocalDate.of(2026, 12, 28), CHRISTMAS_EVE_2026)).isFalse();
    }

    @Test
    void aPlaceStartingAnyLaterLeavesAGap() {
        assertThat(EtePlaceStart.leavesAGap(LocalDate.of(2026, 12, 30), CHRISTMAS_EVE_2026)).isTrue();
        assertThat(EtePlaceStart.leavesAGap(LocalDate.of(2027, 1, 4), CHRISTMAS_EVE_2026)).as("the new term").isTrue();
        assertThat(new EtePlaceStart().startsLater("2027-09-06", "2027-07-22")).as("released for the summer holidays").isTrue();
    }
}
